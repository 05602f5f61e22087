namespace PanelAgent.Storage.AccessLog;

/// <summary>
/// The outcome of verifying the access-log chain. <see cref="Problem"/> says what was found first, naming the
/// sequence (<see cref="BadSequence"/>); null when the chain holds.
/// </summary>
public sealed record AccessLogVerification(
    bool Intact, long Entries, long FirstSequence, long LastSequence, long Pruned, string HeadHash, string? Problem,
    long? BadSequence);
