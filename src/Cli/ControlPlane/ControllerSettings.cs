namespace CupsAndString.Cli.ControlPlane;

/// <summary>What a controller needs: the broker, the database and the schema its tables live in.</summary>
public sealed record ControllerSettings(BusSettings Bus, DatabaseAddress Database,
    string Schema = "cups_and_string");
