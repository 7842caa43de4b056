namespace DanVan.Plugins.Tasks.Extraction;

/// <summary>Why the extractor is telling the officer something about the draft.</summary>
internal enum DraftMessageCode
{
    EmptyDocument,
    NoItemsFound,
    NumberBlank,
    IssueDayBlank,
    NoAddresseesFound,
    InternalError,
}
