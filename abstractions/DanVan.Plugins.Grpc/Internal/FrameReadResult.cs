namespace DanVan.Plugins.Grpc.Internal;

/// <summary>What <see cref="Framing.TryReadFrame"/> found at the start of a buffer.</summary>
internal enum FrameReadResult
{
    /// <summary>Not enough bytes yet for a whole frame.</summary>
    Incomplete,
    /// <summary>A whole frame was read.</summary>
    Complete,
    /// <summary>The compressed-flag byte is neither 0 nor 1.</summary>
    InvalidFlag,
    /// <summary>The declared length is over the limit.</summary>
    TooLarge,
}
