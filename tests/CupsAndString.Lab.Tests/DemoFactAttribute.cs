using CupsAndString.Lab;

namespace CupsAndString.Lab.Tests;

/// <summary>
/// The demo end-to-end test: needs what a lab needs, plus the test services in CUPS_TEST_RABBITMQ
/// and CUPS_TEST_POSTGRES; skipped with the reason otherwise.
/// </summary>
public sealed class DemoFactAttribute : FactAttribute
{
    public DemoFactAttribute()
    {
        var problem = LabPrerequisites.Problem();
        if (problem is not null)
        {
            Skip = problem;
        }
        else if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CUPS_TEST_RABBITMQ"))
            || string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CUPS_TEST_POSTGRES")))
        {
            Skip = "the demo needs CUPS_TEST_RABBITMQ and CUPS_TEST_POSTGRES (./test sets both)";
        }
    }
}
