namespace BatchPredict.EmbeddedMongo;

/// <summary>
/// A MongoDB server error. The wire layer turns it into <c>{ ok: 0, errmsg, code, codeName }</c>,
/// or into one entry of <c>writeErrors</c> when it is raised by a single write of a batch.
/// </summary>
public sealed class MongoCommandError : Exception
{
    public MongoCommandError(int code, string codeName, string message)
        : base(message)
    {
        Code = code;
        CodeName = codeName;
    }

    public int Code { get; }

    public string CodeName { get; }

    public static MongoCommandError BadValue(string message) => new(ErrorCodes.BadValue, nameof(ErrorCodes.BadValue), message);

    public static MongoCommandError FailedToParse(string message) => new(ErrorCodes.FailedToParse, nameof(ErrorCodes.FailedToParse), message);

    public static MongoCommandError TypeMismatch(string message) => new(ErrorCodes.TypeMismatch, nameof(ErrorCodes.TypeMismatch), message);

    public static MongoCommandError NotSupported(string what) =>
        new(ErrorCodes.CommandNotSupported, nameof(ErrorCodes.CommandNotSupported), $"{what} is not supported by the embedded server");

    public static MongoCommandError InvalidOptions(string message) => new(ErrorCodes.InvalidOptions, nameof(ErrorCodes.InvalidOptions), message);
}

/// <summary>The MongoDB error codes the embedded server answers with (values as the real server uses them).</summary>
public static class ErrorCodes
{
    public const int InternalError = 1;
    public const int BadValue = 2;
    public const int NoSuchKey = 4;
    public const int FailedToParse = 9;
    public const int TypeMismatch = 14;
    public const int IllegalOperation = 20;
    public const int NamespaceNotFound = 26;
    public const int PathNotViable = 28;
    public const int ConflictingUpdateOperators = 40;
    public const int CursorNotFound = 43;
    public const int NamespaceExists = 48;
    public const int CommandNotFound = 59;
    public const int ImmutableField = 66;
    public const int InvalidOptions = 72;
    public const int InvalidNamespace = 73;
    public const int IndexOptionsConflict = 85;
    public const int IndexKeySpecsConflict = 86;
    public const int CommandNotSupported = 115;
    public const int Location40352 = 40352;
    public const int DuplicateKey = 11000;
}
