using Cronos;

namespace BatchPredict.Core.Jobs;

/// <summary>Cron expressions as Hangfire reads them: 5 fields, or 6 when the first one is seconds.</summary>
public static class CronSchedule
{
    public static CronExpression Parse(string cron) =>
        CronExpression.Parse(cron, cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);

    /// <summary>The next time the schedule fires after <paramref name="after"/>, in UTC.</summary>
    public static DateTimeOffset? Next(JobSchedule schedule, DateTimeOffset after) =>
        Parse(schedule.Cron).GetNextOccurrence(after, schedule.TimeZone);
}
