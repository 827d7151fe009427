using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Liaison.Core.Common.Files;

public sealed class FileStorageOptions
{
    public const string Section = "Liaison:Files";

    /// <summary>Where uploaded files live: under the data folder, never under the web root.</summary>
    public string Folder { get; set; } = "data/files";

    /// <summary>The largest file accepted, in bytes (50 MB).</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;
}

/// <summary>A file as stored: the key it is kept under, and the safe name and sniffed type it is served with.</summary>
public sealed record StoredFile(string StorageKey, string FileName, string ContentType, long SizeBytes);

/// <summary>
/// Keeps uploaded files on disk under keys of its own making (year/month/random), so no name a user
/// sent ever becomes a path. The type is sniffed from the content before anything is kept; a file
/// is written to a temporary name and appears only once complete and within the size limit.
/// </summary>
public sealed partial class FileStore(IOptions<FileStorageOptions> options, TimeProvider clock)
{
    public long MaxUploadBytes => options.Value.MaxUploadBytes;

    private string Root => Path.GetFullPath(options.Value.Folder);

    public async Task<Result<StoredFile>> SaveAsync(Stream content, string? fileName, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var name = FileNames.Normalize(fileName);
        var extension = FileNames.ExtensionOf(name);
        var head = new byte[FileSniffer.HeadLength];
        var read = await content.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        var sniffed = FileSniffer.Sniff(head.AsSpan(0, read), extension);
        if (!sniffed.IsSuccess)
        {
            return sniffed.Error;
        }

        var kind = sniffed.Value;
        if (extension.Length == 0)
        {
            name += kind.Extensions[0];
        }
        else if (!kind.Extensions.Contains(extension))
        {
            return Error.Invalid("file", $"The file is named {extension} but its content is a {kind.Label}. Upload the file it claims to be, or name it {kind.Extensions[0]}.");
        }

        var now = clock.GetUtcNow();
        var key = $"{now:yyyy}/{now:MM}/{Guid.CreateVersion7():N}";
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var partial = path + ".part";
        long total = read;
        try
        {
            await using (var file = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await file.WriteAsync(head.AsMemory(0, read), ct);
                var buffer = new byte[81920];
                int chunk;
                while ((chunk = await content.ReadAsync(buffer, ct)) > 0)
                {
                    total += chunk;
                    if (total > MaxUploadBytes)
                    {
                        return TooLarge();
                    }

                    await file.WriteAsync(buffer.AsMemory(0, chunk), ct);
                }
            }

            File.Move(partial, path);
            return new StoredFile(key, name, kind.ContentType, total);
        }
        finally
        {
            File.Delete(partial);
        }
    }

    /// <summary>The stored file, or null when the key is not one of ours or the file is gone.</summary>
    public Stream? OpenRead(string storageKey)
    {
        if (!KeyPattern().IsMatch(storageKey))
        {
            return null;
        }

        var path = PathOf(storageKey);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public void Delete(string storageKey)
    {
        if (KeyPattern().IsMatch(storageKey))
        {
            File.Delete(PathOf(storageKey));
        }
    }

    public Error TooLarge() =>
        Error.TooLarge($"A file can be at most {MaxUploadBytes / (1024 * 1024)} MB; compress it or share a link to it instead.");

    private string PathOf(string key) => Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));

    [GeneratedRegex("^[0-9]{4}/[0-9]{2}/[0-9a-f]{32}$")]
    private static partial Regex KeyPattern();
}
