using OneWindow.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddOneWindow();

var app = builder.Build();
if (await Commands.TryRunAsync(app, args))
{
    return;
}
await app.PrepareDatabaseAsync();
app.UseOneWindow();
await app.RunAsync();

/// <summary>The program's entry point, visible to the in-process test host.</summary>
public partial class Program;
