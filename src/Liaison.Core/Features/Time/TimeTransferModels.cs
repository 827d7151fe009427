namespace Liaison.Core.Features.Time;

/// <summary>One thing wrong with an imported file: the line it is on (the header is line 1) and the column, if one.</summary>
public sealed record ImportProblem(int Line, string? Column, string Message);

public enum ImportStage
{
    Reading,
    Saving,
}

/// <summary>How far an import has got: rows read from the file, or entries saved.</summary>
public sealed record ImportProgress(ImportStage Stage, int Rows);

/// <summary>
/// What an import found and did. A dry run never writes; a commit writes every row or none, so
/// <see cref="Committed"/> is false whenever <see cref="Problems"/> is not empty.
/// </summary>
/// <param name="RowsRead">Rows of time in the file (blank lines are not counted).</param>
/// <param name="RowsValid">Rows with no problem: what a commit would write.</param>
/// <param name="TotalMinutes">The minutes of the valid rows.</param>
/// <param name="Problems">At most <see cref="TimeImportService.MaxListedProblems"/> problems, in file order.</param>
/// <param name="ProblemsNotListed">Problems found beyond those listed.</param>
/// <param name="ImportId">The import that holds the entries, once committed.</param>
public sealed record ImportReport(
    ImportFormat Format, string FileName, bool DryRun, int RowsRead, int RowsValid, long TotalMinutes,
    IReadOnlyList<ImportProblem> Problems, int ProblemsNotListed, bool Committed, Guid? ImportId);

public enum ExportFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// A file ready to be written: access and filters were checked when it was made, so the write
/// itself only streams rows (a response has started by then and can no longer become an error).
/// </summary>
public sealed record ExportFile(string FileName, string ContentType, Func<Stream, CancellationToken, Task> WriteAsync);
