namespace DanVan.Plugins.Tasks.Rollup;

/// <summary>Where the roll-up gets the org tree from (the host's DirectoryService; a fixed tree in tests).</summary>
internal interface IOrgTreeSource
{
    Task<OrgTree> GetAsync(CancellationToken cancellationToken);
}
