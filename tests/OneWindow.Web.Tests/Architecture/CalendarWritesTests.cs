using Mono.Cecil;
using Mono.Cecil.Cil;

namespace OneWindow.Web.Tests.Architecture;

/// <summary>
/// The calendar writes through the write unit alone (ADR 0019): no code of the Calendar module begins a transaction or
/// takes SQLite's write gate by hand. Read from the compiled assembly, lambdas and async state machines included.
/// </summary>
public class CalendarWritesTests
{
    private static readonly string[] HandWritten = ["BeginTransaction", "BeginTransactionAsync", "EnterWriteGateAsync"];

    [Fact]
    public void No_calendar_code_begins_a_transaction_or_takes_the_write_gate_itself()
    {
        using var module = ModuleDefinition.ReadModule(typeof(OneWindowApp).Assembly.Location);
        var found = new List<string>();
        foreach (var type in module.GetTypes().Where(t => Namespace(t).StartsWith("OneWindow.Web.Modules.Calendar", StringComparison.Ordinal)))
        {
            foreach (var method in type.Methods.Where(m => m.HasBody))
            {
                foreach (var call in method.Body.Instructions.Where(i => i.OpCode.Code is Code.Call or Code.Callvirt).Select(i => (MethodReference)i.Operand))
                {
                    if (HandWritten.Contains(call.Name, StringComparer.Ordinal))
                    {
                        found.Add($"{type.FullName}.{method.Name} calls {call.DeclaringType.Name}.{call.Name}");
                    }
                }
            }
        }
        Assert.True(found.Count == 0, "calendar code that writes outside the write unit:\n" + string.Join("\n", found.Distinct()));
    }

    /// <summary>A nested type's (a lambda's closure, an async state machine's) namespace is its outermost type's.</summary>
    private static string Namespace(TypeDefinition type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type.Namespace;
    }
}
