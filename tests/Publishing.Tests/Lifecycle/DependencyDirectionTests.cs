using System.Reflection;
using System.Reflection.Emit;
using Publishing.Items;
using Publishing.Lifecycle;
using Publishing.Workflow;

namespace Publishing.Tests.Lifecycle;

/// <summary>
/// Review and Channels depend on the lifecycle kernel and never on each other; the kernel depends on neither. Read
/// from the compiled assembly: signatures and every type, method and field the IL of each method body refers to
/// (lambdas and async state machines included, as nested types of the same namespace).
/// </summary>
public sealed class DependencyDirectionTests
{
    static readonly Assembly Library = typeof(ItemOrchestrator).Assembly;

    public static TheoryData<string, string> ForbiddenReferences => new()
    {
        { "Publishing.Review", "Publishing.Channels" },
        { "Publishing.Review", "Publishing.Workflow" },
        { "Publishing.Channels", "Publishing.Review" },
        { "Publishing.Channels", "Publishing.Workflow" },
        { "Publishing.Lifecycle", "Publishing.Review" },
        { "Publishing.Lifecycle", "Publishing.Channels" },
        { "Publishing.Lifecycle", "Publishing.Workflow" },
    };

    [Theory]
    [MemberData(nameof(ForbiddenReferences))]
    public void NoTypeOfTheNamespace_ReferencesTheOther(string from, string forbidden)
    {
        var violations = TypesIn(from)
            .SelectMany(t => References(t).Where(r => InNamespace(r, forbidden)).Select(r => $"{t.FullName} → {r.FullName}"))
            .Distinct()
            .ToList();

        Assert.True(violations.Count == 0, $"{from} must not depend on {forbidden}:\n" + string.Join("\n", violations));
    }

    [Theory]
    [InlineData("Publishing.Review")]
    [InlineData("Publishing.Channels")]
    [InlineData("Publishing.Lifecycle")]
    public void NeitherReachesTheOtherThroughTheApplicationLayer(string from)
    {
        Type[] applicationLayer = [typeof(ItemsApi), typeof(SubmissionService)];
        var violations = TypesIn(from).SelectMany(t => References(t).Where(applicationLayer.Contains).Select(r => $"{t.FullName} → {r.Name}")).Distinct().ToList();

        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public void TheScanSeesReferencesInMethodBodies_TheItemOrchestratorChainsBoth()
    {
        var references = TypesIn("Publishing.Workflow").SelectMany(References).ToList();

        Assert.Contains(references, r => InNamespace(r, "Publishing.Review"));
        Assert.Contains(references, r => InNamespace(r, "Publishing.Channels"));
        Assert.Contains(typeof(ItemInstances), TypesIn("Publishing.Channels").Where(t => t.DeclaringType == typeof(Publishing.Channels.PublicationsApi)).SelectMany(References));
    }

    static IEnumerable<Type> TypesIn(string ns) => Library.GetTypes().Where(t => InNamespace(t, ns));

    static bool InNamespace(Type type, string ns) =>
        type.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal));

    const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    static HashSet<Type> References(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t))
            {
                return;
            }

            if (t.HasElementType) Add(t.GetElementType());
            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                Add(t.GetGenericTypeDefinition());
                foreach (var argument in t.GetGenericArguments()) Add(argument);
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces()) Add(i);
        foreach (var f in type.GetFields(Everything)) Add(f.FieldType);
        foreach (var p in type.GetProperties(Everything)) Add(p.PropertyType);
        foreach (var method in type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything)))
        {
            if (method is MethodInfo info) Add(info.ReturnType);
            foreach (var parameter in method.GetParameters()) Add(parameter.ParameterType);
            foreach (var member in BodyReferences(method))
            {
                switch (member)
                {
                    case Type t: Add(t); break;
                    case FieldInfo f: Add(f.DeclaringType); Add(f.FieldType); break;
                    case MethodBase m:
                        Add(m.DeclaringType);
                        if (m is MethodInfo mi) Add(mi.ReturnType);
                        foreach (var parameter in m.GetParameters()) Add(parameter.ParameterType);
                        if (m.IsGenericMethod) foreach (var argument in m.GetGenericArguments()) Add(argument);
                        break;
                }
            }
        }

        return found;
    }

    static IEnumerable<MemberInfo> BodyReferences(MethodBase method)
    {
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        Type[]? typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        Type[]? methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (int i = 0; i < il.Length;)
        {
            short value = il[i++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[i++]);
            }

            OpCode op = OpCodesByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                    yield return method.Module.ResolveMember(BitConverter.ToInt32(il, i), typeArguments, methodArguments)!;
                    i += 4;
                    break;
                case OperandType.InlineNone:
                    break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar:
                    i += 1;
                    break;
                case OperandType.InlineVar:
                    i += 2;
                    break;
                case OperandType.InlineI8 or OperandType.InlineR:
                    i += 8;
                    break;
                case OperandType.InlineSwitch:
                    i += 4 + 4 * BitConverter.ToInt32(il, i);
                    break;
                default:
                    i += 4;
                    break;
            }
        }
    }
}
