namespace Liaison.Bench.Generate;

/// <summary>Parts that combine into many distinct, plausible names of people and client organisations.</summary>
public static class Names
{
    public static readonly string[] First =
    [
        "Olivia", "Rahul", "Grace", "Felix", "Ines", "Marcus", "Noor", "Elliot", "Zara", "Henrik", "Chloe", "Samuel",
        "Amara", "Lucas", "Mei", "Tobias", "Leila", "Oscar", "Priya", "Jonah", "Freya", "Mateo", "Ada", "Kwame",
        "Sofia", "Ravi", "Elena", "Hugo", "Yara", "Niall", "Ingrid", "Tariq", "Maya", "Dmitri", "Aoife", "Bruno",
    ];

    public static readonly string[] Last =
    [
        "Whitfield", "Castellano", "Moreau", "Adeyemi", "Lindgren", "Kowalski", "Fairbairn", "Nakamura", "Ortega", "Brennan",
        "Osei", "Vasquez", "Haddad", "Becker", "Dufresne", "Alvarez", "Raman", "Whitaker", "Novak", "Mensah", "Lindqvist",
        "Okafor", "Roth", "Tanaka", "Schultz", "Ferreira", "O'Neill", "Petrov", "Sato", "Keller", "Duarte", "Hughes",
    ];

    private static readonly string[] CompanyFirst =
    [
        "Harbour", "Verdant", "Alder", "Brightwell", "Kestrel", "Mirabel", "Quayside", "Solenne", "Tidewater", "Northgate",
        "Copperleaf", "Bramble", "Silverline", "Fenwick", "Larkspur", "Oakhurst", "Meridian", "Bluestone", "Redfern", "Ashgrove",
        "Wildmoor", "Greyhaven", "Summit", "Riverside", "Cobalt", "Elmstead", "Foxglove", "Highfield", "Ironbridge", "Juniper",
    ];

    private static readonly string[] CompanySecond =
    [
        "Ferries", "Foods", "Legal", "Energy", "Outdoor", "Health", "Museum Trust", "Cosmetics", "Bank", "Logistics",
        "Insurance", "Breweries", "Telecom", "Pharma", "Hotels", "Motors", "Software", "Housing", "Retail", "University",
        "Airlines", "Media", "Fashion", "Foundation", "Games", "Dairy", "Rail", "Water", "Studios", "Capital",
    ];

    public static readonly string[] Industries =
    [
        "Transport & logistics", "Food & beverage", "Professional services", "Energy", "Retail", "Healthcare",
        "Arts & culture", "Beauty", "Financial services", "Technology", "Education", "Hospitality", "Public sector",
    ];

    public static string Person(int index) => $"{First[index % First.Length]} {Last[(index / First.Length + index * 7) % Last.Length]}";

    /// <summary>A distinct organisation name per index; past the combinations a number keeps them apart.</summary>
    public static string Company(int index)
    {
        var combinations = CompanyFirst.Length * CompanySecond.Length;
        var i = index % combinations;
        var name = $"{CompanyFirst[i % CompanyFirst.Length]} {CompanySecond[(i / CompanyFirst.Length + i) % CompanySecond.Length]}";
        return index < combinations ? name : $"{name} {(index / combinations) + 1}";
    }

    public static string Slug(string name) => new([.. name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
}
