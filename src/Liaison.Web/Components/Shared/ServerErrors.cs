using System.Text.Json;
using Liaison.Core.Common;
using Microsoft.AspNetCore.Components.Forms;

namespace Liaison.Web.Components.Shared;

/// <summary>
/// Shows a Core error on a form: field errors beside their fields (the same messages the API
/// returns), anything else as one message for the page to show.
/// </summary>
public sealed class ServerErrors
{
    private EditContext? _context;
    private ValidationMessageStore? _store;

    public void Attach(EditContext context)
    {
        if (ReferenceEquals(_context, context))
        {
            return;
        }

        _context = context;
        _store = new ValidationMessageStore(context);
        // A field's server error goes away as soon as the user edits that field.
        context.OnFieldChanged += (_, e) => _store.Clear(e.FieldIdentifier);
    }

    /// <summary>Shows the error on the form; returns the message for errors that belong to no field.</summary>
    public string? Show(Error error)
    {
        _store?.Clear();
        if (error.Fields is not { Count: > 0 } fields || _context is null || _store is null)
        {
            return error.Message;
        }

        string? unplaced = null;
        foreach (var (field, messages) in fields)
        {
            var property = _context.Model.GetType().GetProperties()
                .FirstOrDefault(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == field);
            if (property is null)
            {
                unplaced = string.Join(" ", messages);
                continue;
            }

            _store.Add(new FieldIdentifier(_context.Model, property.Name), messages);
        }

        _context.NotifyValidationStateChanged();
        return unplaced;
    }

    public void Clear()
    {
        _store?.Clear();
        _context?.NotifyValidationStateChanged();
    }
}
