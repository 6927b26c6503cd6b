using System.Globalization;

namespace CupsAndString.Cli;

/// <summary>
/// The words after the verb: flags (--name value, --name=value, or a bare switch) and positional
/// values. Verbs take what they know; <see cref="EnsureAllUsed"/> then rejects anything left, so
/// a misspelt flag is an error rather than silently ignored.
/// </summary>
public sealed class Arguments
{
    private readonly Dictionary<string, string?> _flags = new(StringComparer.Ordinal);
    private readonly List<string> _positional = [];
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);
    private readonly HashSet<string> _withoutValue = new(StringComparer.Ordinal);
    private int _positionalUsed;

    public Arguments(IEnumerable<string> words, IReadOnlySet<string> switches)
    {
        var list = words.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var word = list[i];
            if (word == "--")
            {
                _positional.AddRange(list.Skip(i + 1));
                break;
            }

            if (!word.StartsWith("--", StringComparison.Ordinal) || word.Length == 2)
            {
                _positional.Add(word);
                continue;
            }

            var equals = word.IndexOf('=');
            var name = equals > 0 ? word[..equals] : word;
            string? value;
            if (equals > 0)
            {
                value = word[(equals + 1)..];
            }
            else if (switches.Contains(name))
            {
                value = null;
            }
            else if (i + 1 < list.Count && !list[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                value = list[++i];
            }
            else
            {
                // Reported when a verb asks for it; a flag no verb knows is reported as unknown.
                value = null;
                _withoutValue.Add(name);
            }

            if (!_flags.TryAdd(name, value))
            {
                throw new UsageException($"{name} is given twice");
            }
        }
    }

    public bool Has(string flag)
    {
        _used.Add(flag);
        return _flags.ContainsKey(flag);
    }

    public string? String(string flag)
    {
        _used.Add(flag);
        if (_withoutValue.Contains(flag))
        {
            throw new UsageException($"{flag} needs a value");
        }

        return _flags.TryGetValue(flag, out var value) ? value : null;
    }

    public bool Switch(string flag)
    {
        _used.Add(flag);
        if (!_flags.TryGetValue(flag, out var value))
        {
            return false;
        }

        return value switch
        {
            null or "true" => true,
            "false" => false,
            _ => throw new UsageException($"{flag} takes no value (or =true / =false), not '{value}'"),
        };
    }

    public int? Int(string flag, int min, int max)
    {
        var text = String(flag);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            || value < min || value > max)
        {
            throw new UsageException($"{flag}: '{text}' is not a whole number from {min} to {max}");
        }

        return value;
    }

    /// <summary>The next positional value, or null when there is none.</summary>
    public string? Positional() =>
        _positionalUsed < _positional.Count ? _positional[_positionalUsed++] : null;

    /// <summary>A value that may come either as the next positional word or as a flag, not both.</summary>
    public string? PositionalOrFlag(string flag)
    {
        var fromFlag = String(flag);
        var positional = Positional();
        if (fromFlag is not null && positional is not null && fromFlag != positional)
        {
            throw new UsageException($"{flag} '{fromFlag}' disagrees with the argument '{positional}'");
        }

        return fromFlag ?? positional;
    }

    public void EnsureAllUsed()
    {
        foreach (var flag in _flags.Keys)
        {
            if (!_used.Contains(flag))
            {
                throw new UsageException($"unknown flag {flag}; see --help");
            }
        }

        if (_positionalUsed < _positional.Count)
        {
            throw new UsageException($"unexpected argument '{_positional[_positionalUsed]}'; see --help");
        }
    }
}
