return await BatchPredict.Cli.CliApp.RunAsync(args);
