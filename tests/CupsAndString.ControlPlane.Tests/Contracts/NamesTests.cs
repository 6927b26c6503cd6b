using CupsAndString.Contracts;
using Xunit;

namespace CupsAndString.ControlPlane.Tests.Contracts;

public sealed class NamesTests
{
    [Theory]
    [InlineData("web")]
    [InlineData("a")]
    [InlineData("db-2")]
    [InlineData("abcdefghijklmnopqrstuvwxyz012345")]
    public void Lowercase_letters_digits_and_dashes_up_to_32_are_valid(string name)
    {
        Assert.Null(Names.Validate(name));
    }

    [Theory]
    [InlineData(null, "a name is required (lowercase letters, digits and dashes, 1-32 characters)")]
    [InlineData("", "a name is required (lowercase letters, digits and dashes, 1-32 characters)")]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123456", "'abcdefghijklmnopqrstuvwxyz0123456' is 33 characters "
        + "long; a name has at most 32")]
    [InlineData("Web", "'Web' contains 'W'; a name uses only lowercase letters, digits and dashes")]
    [InlineData("web_1", "'web_1' contains '_'; a name uses only lowercase letters, digits and dashes")]
    [InlineData("-x", "'-x' starts or ends with a dash; a name starts and ends with a letter or digit")]
    [InlineData("x-", "'x-' starts or ends with a dash; a name starts and ends with a letter or digit")]
    public void Other_names_are_refused_with_a_sentence(string? name, string expected)
    {
        Assert.Equal(expected, Names.Validate(name));
    }
}
