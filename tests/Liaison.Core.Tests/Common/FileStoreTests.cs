using System.Text;
using Liaison.Core.Common;
using Liaison.Core.Common.Files;
using Liaison.Core.Tests.Fixtures;
using Microsoft.Extensions.Options;

namespace Liaison.Core.Tests.Common;

public sealed class FileStoreTests : IDisposable
{
    private static readonly byte[] PngHead = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R'];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"liaison-files-{Guid.NewGuid():N}");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("<!DOCTYPE html><html><body><script>alert(1)</script></body></html>", "banner.png")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>", "logo.svg")]
    [InlineData("\uFEFF  <html><img src=x onerror=alert(1)></html>", "notes.txt")]
    [InlineData("<?xml version=\"1.0\"?><svg onload=\"alert(1)\"/>", "chart.png")]
    public async Task MarkupIsRefusedWhateverItsNameAsync(string content, string name)
    {
        var result = await Store().SaveAsync(Text(content), name, Ct);

        result.Error!.Fields!["file"].Single().ShouldContain("markup");
        Directory.Exists(_folder).ShouldBeFalse("nothing is kept of a refused file");
    }

    [Fact]
    public async Task AFileIsKeptUnderAKeyOfOurOwnWithItsSniffedTypeAsync()
    {
        var store = Store();
        var result = await store.SaveAsync(new MemoryStream([.. PngHead, .. new byte[1000]]), "../../etc/Campaign\u0000 banner?.PNG", Ct);

        var stored = result.Value;
        stored.FileName.ShouldBe("Campaign banner.png");
        stored.ContentType.ShouldBe("image/png");
        stored.SizeBytes.ShouldBe(PngHead.Length + 1000);
        stored.StorageKey.ShouldMatch("^2026/03/[0-9a-f]{32}$");
        Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Single().ShouldStartWith(Path.GetFullPath(_folder));
        await using var read = store.OpenRead(stored.StorageKey)!;
        read.Length.ShouldBe(stored.SizeBytes);
    }

    [Fact]
    public async Task ANameThatLiesAboutTheContentIsRefusedAsync()
    {
        var result = await Store().SaveAsync(Text("%PDF-1.7 a real pdf"), "photo.png", Ct);

        result.Error!.Fields!["file"].Single().ShouldBe("The file is named .png but its content is a PDF document. Upload the file it claims to be, or name it .pdf.");
    }

    [Fact]
    public async Task ANamelessFileGetsTheExtensionOfItsContentAsync()
    {
        var result = await Store().SaveAsync(Text("%PDF-1.4"), "   ", Ct);

        result.Value.FileName.ShouldBe("file.pdf");
    }

    [Fact]
    public async Task OversizeIsRefusedAndLeavesNothingBehindAsync()
    {
        var store = Store(maxBytes: 1024);

        var result = await store.SaveAsync(new MemoryStream([.. PngHead, .. new byte[2000]]), "big.png", Ct);

        result.Error!.Kind.ShouldBe(ErrorKind.TooLarge);
        Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../../../etc/passwd")]
    [InlineData("2026/03/../../secrets")]
    [InlineData("/etc/passwd")]
    public void KeysThatAreNotOursOpenNothing(string key) => Store().OpenRead(key).ShouldBeNull();

    [Theory]
    [InlineData("brief.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("assets.zip", "application/zip")]
    [InlineData("assets", "application/zip")]
    public void OfficeFilesAreZipsTheNameTellsApart(string name, string contentType) =>
        FileSniffer.Sniff("PK\u0003\u0004rest"u8, FileNames.ExtensionOf(FileNames.Normalize(name))).Value.ContentType.ShouldBe(contentType);

    [Fact]
    public void UnknownBinaryIsRefused() =>
        FileSniffer.Sniff(new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03 }, ".exe").Error!.Fields!["file"].Single().ShouldStartWith("This kind of file is not accepted.");

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    private FileStore Store(long maxBytes = 50L * 1024 * 1024) =>
        new(Options.Create(new FileStorageOptions { Folder = _folder, MaxUploadBytes = maxBytes }), new FakeClock());

    private static MemoryStream Text(string content) => new(Encoding.UTF8.GetBytes(content));
}
