namespace Liaison.Core.Data;

/// <summary>
/// A record computed from others (a rollup). It is rebuilt, never edited by a person, so the audit
/// log skips it: the records it sums are audited already.
/// </summary>
public interface IDerivedData;
