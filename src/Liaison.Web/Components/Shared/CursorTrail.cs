namespace Liaison.Web.Components.Shared;

/// <summary>
/// The cursors a list page has walked through. Cursors only lead forward, so "Previous" goes back
/// along the trail.
/// </summary>
public sealed class CursorTrail
{
    private readonly Stack<string?> _walked = new();

    public string? Current { get; private set; }

    public bool CanGoBack => _walked.Count > 0;

    public int PageNumber => _walked.Count + 1;

    public void Restart()
    {
        _walked.Clear();
        Current = null;
    }

    public void Forward(string? next)
    {
        _walked.Push(Current);
        Current = next;
    }

    public void Back() => Current = _walked.Count > 0 ? _walked.Pop() : null;
}
