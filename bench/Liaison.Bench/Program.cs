using Liaison.Bench;

// dotnet run -c Release --project bench/Liaison.Bench -- <verb> [options]; see bench/README.md.
return await BenchCommand.RunAsync(args);
