using Liaison.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Liaison.Bench.Generate;

/// <summary>
/// A table as EF maps it: its name, and per column the property, the store type and the type
/// mapping with its value converter. The bulk writers store values through these, so a bulk-loaded
/// row is exactly the row EF would have written (GUID text on SQLite, enums as strings, UTC instants).
/// </summary>
public sealed class TableShape<T>
    where T : class
{
    public sealed record Column(string Name, string StoreType, RelationalTypeMapping Mapping, Func<T, object?> Read)
    {
        /// <summary>The value as the provider stores it: converted, with enums without a converter as their number.</summary>
        public object? ProviderValue(T row)
        {
            var value = Read(row);
            if (value is null)
            {
                return null;
            }

            if (Mapping.Converter is { } converter)
            {
                return converter.ConvertToProvider(value);
            }

            return value is Enum ? Convert.ChangeType(value, Enum.GetUnderlyingType(value.GetType()), System.Globalization.CultureInfo.InvariantCulture) : value;
        }
    }

    public TableShape(LiaisonDb db)
    {
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        if (entityType.GetComplexProperties().Any())
        {
            throw new InvalidOperationException($"{typeof(T).Name} has complex properties; save it through EF.");
        }

        Table = entityType.GetTableName()!;
        var store = StoreObjectIdentifier.Table(Table, entityType.GetSchema());
        Columns = [.. entityType.GetProperties().Select(p => ColumnOf(p, store))];
    }

    public string Table { get; }

    public IReadOnlyList<Column> Columns { get; }

    private static Column ColumnOf(IProperty property, StoreObjectIdentifier store)
    {
        if (property.IsShadowProperty())
        {
            throw new InvalidOperationException($"{typeof(T).Name}.{property.Name} is a shadow property; the bulk writer cannot read it.");
        }

        var getter = property.GetGetter();
        return new Column(
            property.GetColumnName(store)!,
            property.GetColumnType(),
            property.GetRelationalTypeMapping(),
            row => getter.GetClrValueUsingContainingEntity(row));
    }
}
