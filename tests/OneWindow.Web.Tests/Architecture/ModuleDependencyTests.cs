using Mono.Cecil;
using Mono.Cecil.Cil;

namespace OneWindow.Web.Tests.Architecture;

/// <summary>
/// The modules depend on each other one way, in the order <see cref="OneWindowApp.Modules"/> lists them: a module uses
/// the shared infrastructure and the modules before it, never one after it. Read from the compiled assembly (every
/// type a type names in its signatures, attributes and method bodies, Razor views included), so that a back edge
/// cannot hide in a lambda or a page.
/// </summary>
public class ModuleDependencyTests
{
    private const string ModulesNamespace = "OneWindow.Web.Modules.";

    [Fact]
    public void Every_module_uses_only_the_modules_before_it()
    {
        var edges = ModuleEdges(typeof(OneWindowApp).Assembly.Location);
        var order = OneWindowApp.Modules.Select((m, i) => (m, i)).ToDictionary(x => x.m, x => x.i);
        var unknown = edges.Keys.Select(e => e.From).Concat(edges.Keys.Select(e => e.To)).Where(m => m is not ("Infrastructure" or "Data" or "Shared") && !order.ContainsKey(m)).Distinct().ToList();
        Assert.True(unknown.Count == 0, "folders under Modules/ that OneWindowApp.Modules does not list: " + string.Join(", ", unknown));
        var backEdges = edges.Where(e => order.ContainsKey(e.Key.From) && order.ContainsKey(e.Key.To) && order[e.Key.To] > order[e.Key.From])
            .Select(e => $"{e.Key.From} → {e.Key.To} ({string.Join("; ", e.Value.Take(3))})").ToList();
        Assert.True(backEdges.Count == 0, "modules that use a module after them:\n" + string.Join("\n", backEdges));
    }

    [Fact]
    public void The_shared_infrastructure_uses_no_module()
    {
        var edges = ModuleEdges(typeof(OneWindowApp).Assembly.Location);
        var wrong = edges.Where(e => e.Key.From is "Infrastructure" or "Data" && e.Key.To is not ("Infrastructure" or "Data" or "Shared"))
            .Select(e => $"{e.Key.From} → {e.Key.To} ({string.Join("; ", e.Value.Take(3))})").ToList();
        Assert.True(wrong.Count == 0, "shared code that uses a module:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void The_domain_depends_on_nothing_but_the_framework()
    {
        var domain = ModuleDefinition.ReadModule(typeof(Domain.DomainRuleException).Assembly.Location);
        var references = domain.AssemblyReferences.Select(a => a.Name).Where(n => !(n is "System" or "netstandard" or "mscorlib" || n.StartsWith("System.", StringComparison.Ordinal) || n.StartsWith("Microsoft.Win32", StringComparison.Ordinal))).ToList();
        Assert.True(references.Count == 0, "the domain references: " + string.Join(", ", references));
    }

    [Fact]
    public void A_back_edge_is_found_where_it_hides()
    {
        // The check itself, on a module that uses a later one from inside a lambda: it must see the edge.
        var found = ModuleEdges(typeof(ModuleDependencyTests).Assembly.Location);
        Assert.Contains(found.Keys, e => e is { From: "Cases", To: "Supervision" });
    }

    /// <summary>Each (from module, to module) pair that code names, with examples of the references.</summary>
    public static Dictionary<(string From, string To), List<string>> ModuleEdges(string assemblyPath)
    {
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        var edges = new Dictionary<(string, string), List<string>>();
        foreach (var type in module.GetTypes())
        {
            var from = OwnerOf(type);
            if (from is null)
            {
                continue;
            }
            foreach (var used in Referenced(type))
            {
                var to = OwnerOf(used);
                if (to is null || to == from)
                {
                    continue;
                }
                if (!edges.TryGetValue((from, to), out var examples))
                {
                    edges[(from, to)] = examples = [];
                }
                if (examples.Count < 10)
                {
                    examples.Add($"{Outermost(type).FullName} uses {used.FullName}");
                }
            }
        }
        return edges;
    }

    /// <summary>The module (or Infrastructure, Data, Shared) a type belongs to; null for the host's composition and foreign types.</summary>
    private static string? OwnerOf(TypeReference type)
    {
        type = type.GetElementType();
        var outer = type;
        while (outer.DeclaringType is not null)
        {
            outer = outer.DeclaringType;
        }
        var ns = outer.Namespace;
        if (ns.StartsWith(ModulesNamespace, StringComparison.Ordinal) || ns + "." == ModulesNamespace)
        {
            return ns.Length > ModulesNamespace.Length ? ns[ModulesNamespace.Length..].Split('.')[0] : null;
        }
        if (ns.StartsWith("OneWindow.Web.Infrastructure", StringComparison.Ordinal))
        {
            return "Infrastructure";
        }
        if (ns.StartsWith("OneWindow.Web.Data", StringComparison.Ordinal))
        {
            return outer.Name == "OneWindowDbContext" ? null : "Data"; // the context holds every module's sets
        }
        if (ns.StartsWith("OneWindow.Web.Tests.Architecture.Probe.", StringComparison.Ordinal))
        {
            // The test's own stand-in modules (Probe.cs), to prove that the check finds a back edge.
            return ns["OneWindow.Web.Tests.Architecture.Probe.".Length..].Split('.')[0];
        }
        // Razor compiles a page's view to AspNetCoreGeneratedDocument.Modules_<Module>_<Folder>_<Page>.
        if (ns == "AspNetCoreGeneratedDocument" && outer.Name.StartsWith("Modules_", StringComparison.Ordinal))
        {
            var folder = outer.Name["Modules_".Length..].Split('_')[0];
            return folder.Length == 0 ? "Shared" : folder; // Modules/_ViewImports, _ViewStart
        }
        return null;
    }

    private static TypeReference Outermost(TypeReference type)
    {
        while (type.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }
        return type;
    }

    private static IEnumerable<TypeReference> Referenced(TypeDefinition type)
    {
        if (type.BaseType is not null)
        {
            yield return type.BaseType;
        }
        foreach (var i in type.Interfaces)
        {
            yield return i.InterfaceType;
        }
        foreach (var a in Attributes(type.CustomAttributes))
        {
            yield return a;
        }
        foreach (var f in type.Fields)
        {
            yield return f.FieldType;
        }
        foreach (var p in type.Properties)
        {
            yield return p.PropertyType;
        }
        foreach (var m in type.Methods)
        {
            yield return m.ReturnType;
            foreach (var p in m.Parameters)
            {
                yield return p.ParameterType;
            }
            foreach (var a in Attributes(m.CustomAttributes))
            {
                yield return a;
            }
            if (!m.HasBody)
            {
                continue;
            }
            foreach (var v in m.Body.Variables)
            {
                yield return v.VariableType;
            }
            foreach (var instruction in m.Body.Instructions)
            {
                switch (instruction.Operand)
                {
                    case TypeReference t:
                        yield return t;
                        break;
                    case MethodReference mr:
                        yield return mr.DeclaringType;
                        yield return mr.ReturnType;
                        foreach (var p in mr.Parameters)
                        {
                            yield return p.ParameterType;
                        }
                        if (mr is GenericInstanceMethod g)
                        {
                            foreach (var arg in g.GenericArguments)
                            {
                                yield return arg;
                            }
                        }
                        break;
                    case FieldReference fr:
                        yield return fr.DeclaringType;
                        yield return fr.FieldType;
                        break;
                }
            }
        }
    }

    private static IEnumerable<TypeReference> Attributes(IEnumerable<CustomAttribute> attributes) =>
        attributes.SelectMany(a => a.ConstructorArguments.Select(x => x.Value).OfType<TypeReference>().Prepend(a.AttributeType));
}
