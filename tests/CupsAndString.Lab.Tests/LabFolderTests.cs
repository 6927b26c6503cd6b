using CupsAndString.Lab;

namespace CupsAndString.Lab.Tests;

public sealed class LabFolderTests
{
    [Fact]
    public async Task A_launched_process_is_live_while_it_runs_and_not_after_it_ends()
    {
        var folder = new LabFolder(new LabNames("tfold1"));
        folder.Delete();
        try
        {
            await using var process = folder.Launch(new LabProcessStart("sleep", ["30"]));

            Assert.Equal([process.Pid], folder.LiveProcesses());

            await process.StopAsync(TimeSpan.FromSeconds(5), CancellationToken.None);
            Assert.Empty(folder.LiveProcesses());
        }
        finally
        {
            folder.Delete();
        }
    }

    [Fact]
    public void A_recorded_pid_whose_start_time_differs_is_not_taken_for_the_recorded_process()
    {
        var folder = new LabFolder(new LabNames("tfold2"));
        folder.Delete();
        try
        {
            folder.Create();

            // This test process is running, but it did not start at tick 1 after boot.
            File.WriteAllText(folder.File("processes"), $"{Environment.ProcessId} 1\n");

            Assert.Empty(folder.LiveProcesses());
        }
        finally
        {
            folder.Delete();
        }
    }

    [Fact]
    public void Deleting_a_folder_that_is_not_there_reports_that_nothing_was_deleted()
    {
        var folder = new LabFolder(new LabNames("tfold3"));
        folder.Delete();

        Assert.False(folder.Delete());
    }
}
