using CupsAndString.Lab;

namespace CupsAndString.Lab.Tests;

/// <summary>
/// A test that builds network namespaces: skipped, with the reason, when this machine cannot.
/// </summary>
public sealed class NamespaceLabFactAttribute : FactAttribute
{
    public NamespaceLabFactAttribute()
    {
        var problem = LabPrerequisites.Problem();
        if (problem is not null)
        {
            Skip = problem;
        }
    }
}
