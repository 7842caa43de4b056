namespace DanVan.Plugins.Tasks.Extraction.Resolution;

/// <summary>How a named unit matched the directory.</summary>
internal enum UnitResolutionStatus
{
    Resolved,      // one unit, valid today
    Dissolved,     // one unit, dissolved since (e.g. a former district); successors suggested
    Ambiguous,     // several units fit about equally; the officer chooses
    Group,         // a collective mention ("các sở, ban, ngành"): types to expand to, no single unit
    Unresolved,    // nothing in the directory fits; the name stays as text
    LookupFailed,  // the directory could not be asked; the name stays as text
}
