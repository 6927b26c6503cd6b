namespace CupsAndString.Projections.Queries;

/// <summary>The rule codes a query can answer with (the same codes the command side uses).</summary>
public static class QueryRules
{
    public const string NameInvalid = "name-invalid";
    public const string OverlayUnknown = "overlay-unknown";
}
