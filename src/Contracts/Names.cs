namespace CupsAndString.Contracts;

/// <summary>Rules for the names operators give to overlays.</summary>
public static class Names
{
    public const int MaxLength = 32;

    /// <summary>
    /// Checks an overlay name: lowercase letters, digits and dashes, 1 to 32 characters, starting
    /// and ending with a letter or digit.
    /// Returns null when the name is valid, otherwise a sentence saying what is wrong.
    /// </summary>
    public static string? Validate(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return "a name is required (lowercase letters, digits and dashes, 1-32 characters)";
        }

        if (name.Length > MaxLength)
        {
            return $"'{name}' is {name.Length} characters long; a name has at most {MaxLength}";
        }

        foreach (var c in name)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                return $"'{name}' contains '{c}'; a name uses only lowercase letters, digits and dashes";
            }
        }

        if (name[0] == '-' || name[^1] == '-')
        {
            return $"'{name}' starts or ends with a dash; a name starts and ends with a letter or digit";
        }

        return null;
    }

    public static bool IsValid(string? name) => Validate(name) is null;
}
