using MongoDB.Bson;
using static BatchPredict.EmbeddedMongo.Tests.Update.UpdateTestData;

namespace BatchPredict.EmbeddedMongo.Tests.Update;

public sealed class ArithmeticUpdateTests
{
    [Theory]
    [InlineData("{$inc: {a: 2}}", "{_id: 1, a: 1}", "{_id: 1, a: 3}")]
    [InlineData("{$inc: {a: -2}}", "{_id: 1}", "{_id: 1, a: -2}")]
    [InlineData("{$inc: {a: 1.5}}", "{_id: 1, a: 1}", "{_id: 1, a: 2.5}")]
    [InlineData("{$inc: {a: NumberLong(1)}}", "{_id: 1, a: 1}", "{_id: 1, a: NumberLong(2)}")]
    [InlineData("{$inc: {a: 1}}", "{_id: 1, a: 2147483647}", "{_id: 1, a: NumberLong('2147483648')}")]
    [InlineData("{$inc: {a: NumberDecimal('0.1')}}", "{_id: 1, a: 1}", "{_id: 1, a: NumberDecimal('1.1')}")]
    [InlineData("{$inc: {'a.b': 1}}", "{_id: 1, a: {b: 1}}", "{_id: 1, a: {b: 2}}")]
    [InlineData("{$mul: {a: 3}}", "{_id: 1, a: 2}", "{_id: 1, a: 6}")]
    [InlineData("{$mul: {a: 2.5}}", "{_id: 1, a: 2}", "{_id: 1, a: 5.0}")]
    [InlineData("{$mul: {a: 3}}", "{_id: 1}", "{_id: 1, a: 0}")]
    [InlineData("{$mul: {a: NumberLong(3)}}", "{_id: 1}", "{_id: 1, a: NumberLong(0)}")]
    public void Apply_IncAndMul_ReturnsExpected(string update, string document, string expected) =>
        AssertApplies(update, document, expected);

    [Fact]
    public void Apply_IncResultType_IsInt32WhenBothInt32() =>
        Assert.Equal(BsonType.Int32, Apply("{$inc: {a: 1}}", "{_id: 1, a: 1}")["a"].BsonType);

    [Theory]
    [InlineData("{$inc: {a: 1}}", "{_id: 1, a: 'x'}", 14, "Cannot apply $inc to a value of non-numeric type. {_id: 1} has the field 'a' of non-numeric type string")]
    [InlineData("{$inc: {a: 'x'}}", "{_id: 1}", 14, "Cannot increment with non-numeric argument: {a: x}")]
    [InlineData("{$mul: {a: 'x'}}", "{_id: 1}", 14, "Cannot multiply with non-numeric argument: {a: x}")]
    [InlineData("{$mul: {a: 2}}", "{_id: 1, a: null}", 14, "Cannot apply $mul to a value of non-numeric type. {_id: 1} has the field 'a' of non-numeric type null")]
    public void Apply_NonNumeric_ThrowsTypeMismatch(string update, string document, int code, string message)
    {
        var error = Error(update, document);

        Assert.Equal(code, error.Code);
        Assert.Equal("TypeMismatch", error.CodeName);
        Assert.Equal(message, error.Message);
    }
}
