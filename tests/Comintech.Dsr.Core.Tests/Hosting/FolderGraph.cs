using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace Comintech.Dsr.Core.Tests.Hosting;

/// <summary>
/// Which folders of an assembly use which, read from its metadata: every type a type names in its base type, interfaces,
/// attributes, field, property and method signatures, locals and method bodies (IL tokens), compiler-made nested
/// types (lambdas, async state machines) counted for the type that holds them. A folder is the namespace segment after
/// <see cref="Root"/> (<c>Comintech.Dsr.Staff.Approval</c> is <c>Staff</c>). Constants and <c>nameof</c> leave no trace in IL.
/// </summary>
public sealed class FolderGraph
{
    public const string Root = "Comintech.Dsr.";

    private FolderGraph(IReadOnlyDictionary<string, SortedSet<string>> edges, ILookup<(string From, string To), string> uses)
    {
        Edges = edges;
        Uses = uses;
    }

    /// <summary>Folder → the other folders it uses.</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Edges { get; }

    /// <summary>Per edge, the uses behind it (<c>Staff.StaffNotifier uses Notifications.INotifier</c>).</summary>
    public ILookup<(string From, string To), string> Uses { get; }

    public static FolderGraph Read(string assemblyPath)
    {
        using var pe = new PEReader(File.OpenRead(assemblyPath));
        var metadata = pe.GetMetadataReader();
        var edges = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var uses = new List<((string, string) Edge, string Use)>();
        foreach (var handle in metadata.TypeDefinitions)
        {
            if (FolderOf(metadata, handle) is not { } from)
            {
                continue;
            }

            var used = new TypeCollector(metadata);
            used.Type(handle, pe);
            var targets = edges.TryGetValue(from, out var known) ? known : edges[from] = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var target in used.Found)
            {
                if (FolderOf(metadata, target) is { } to && to != from)
                {
                    targets.Add(to);
                    uses.Add(((from, to), $"{NameOf(metadata, handle)} uses {NameOf(metadata, target)}"));
                }
            }
        }

        return new FolderGraph(edges, uses.Distinct().ToLookup(u => u.Edge, u => u.Use));
    }

    public static FolderGraph Of(IEnumerable<(string From, string To)> edges)
    {
        var list = edges.ToList();
        return new(
            list.GroupBy(e => e.From, StringComparer.Ordinal).ToDictionary(
                g => g.Key, g => new SortedSet<string>(g.Select(e => e.To), StringComparer.Ordinal), StringComparer.Ordinal),
            list.ToLookup(e => e, e => $"{e.From} uses {e.To}"));
    }

    public IEnumerable<string> Lines() =>
        Edges.OrderBy(e => e.Key, StringComparer.Ordinal).Where(e => e.Value.Count > 0).Select(e => $"{e.Key} -> {string.Join(", ", e.Value)}");

    /// <summary>The groups of folders that reach each other (strongly connected components of two or more), each as a sorted list.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var nodes = Edges.Keys.Concat(Edges.Values.SelectMany(v => v)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var reach = nodes.ToDictionary(n => n, Reachable, StringComparer.Ordinal);
        return nodes
            .Select(n => nodes.Where(m => m == n || (reach[n].Contains(m) && reach[m].Contains(n))).ToList())
            .Where(group => group.Count > 1)
            .DistinctBy(group => string.Join(",", group), StringComparer.Ordinal)
            .Select(group => (IReadOnlyList<string>)group)
            .ToList();
    }

    /// <summary>The edges that close a loop: both ends in one of <see cref="Cycles"/>, as <c>From -> To</c>.</summary>
    public IReadOnlyList<string> LoopEdges()
    {
        var groupOf = Cycles().SelectMany(group => group.Select(folder => (folder, group))).ToDictionary(p => p.folder, p => p.group, StringComparer.Ordinal);
        return Edges
            .SelectMany(e => e.Value.Where(to => groupOf.TryGetValue(e.Key, out var group) && group.Contains(to)).Select(to => $"{e.Key} -> {to}"))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>A path of edges from <paramref name="from"/> to <paramref name="to"/>, or null (breadth first: a shortest one).</summary>
    public IReadOnlyList<string>? Path(string from, string to)
    {
        var previous = new Dictionary<string, string>(StringComparer.Ordinal) { [from] = from };
        var queue = new Queue<string>([from]);
        while (queue.TryDequeue(out var node))
        {
            foreach (var next in Edges.GetValueOrDefault(node) ?? [])
            {
                if (previous.TryAdd(next, node))
                {
                    if (next == to)
                    {
                        var path = new List<string> { to };
                        for (var step = node; step != from; step = previous[step])
                        {
                            path.Add(step);
                        }

                        path.Add(from);
                        path.Reverse();
                        return path;
                    }

                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }

    private HashSet<string> Reachable(string start)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>([start]);
        while (stack.TryPop(out var node))
        {
            foreach (var next in Edges.GetValueOrDefault(node) ?? [])
            {
                if (seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return seen;
    }

    private static string? FolderOf(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var name = metadata.GetString(Outermost(metadata, handle).Namespace);
        return name.StartsWith(Root, StringComparison.Ordinal) ? name[Root.Length..].Split('.')[0] : null;
    }

    private static string NameOf(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var type = Outermost(metadata, handle);
        return $"{metadata.GetString(type.Namespace)[Root.Length..]}.{metadata.GetString(type.Name)}";
    }

    private static TypeDefinition Outermost(MetadataReader metadata, TypeDefinitionHandle handle)
    {
        var type = metadata.GetTypeDefinition(handle);
        while (type.GetDeclaringType() is { IsNil: false } outer)
        {
            type = metadata.GetTypeDefinition(outer);
        }

        return type;
    }

    /// <summary>Collects the type definitions of the assembly that one type's metadata and IL name.</summary>
    private sealed class TypeCollector(MetadataReader metadata) : ISignatureTypeProvider<int, object?>
    {
        public HashSet<TypeDefinitionHandle> Found { get; } = [];

        public void Type(TypeDefinitionHandle handle, PEReader pe)
        {
            var type = metadata.GetTypeDefinition(handle);
            Entity(type.BaseType);
            foreach (var implementation in type.GetInterfaceImplementations())
            {
                Entity(metadata.GetInterfaceImplementation(implementation).Interface);
            }

            Attributes(type.GetCustomAttributes());
            GenericParameters(type.GetGenericParameters());
            foreach (var field in type.GetFields().Select(metadata.GetFieldDefinition))
            {
                field.DecodeSignature(this, null);
                Attributes(field.GetCustomAttributes());
            }

            foreach (var property in type.GetProperties().Select(metadata.GetPropertyDefinition))
            {
                property.DecodeSignature(this, null);
                Attributes(property.GetCustomAttributes());
            }

            foreach (var method in type.GetMethods().Select(metadata.GetMethodDefinition))
            {
                method.DecodeSignature(this, null);
                Attributes(method.GetCustomAttributes());
                GenericParameters(method.GetGenericParameters());
                foreach (var parameter in method.GetParameters())
                {
                    Attributes(metadata.GetParameter(parameter).GetCustomAttributes());
                }

                if (method.RelativeVirtualAddress != 0)
                {
                    Body(pe.GetMethodBody(method.RelativeVirtualAddress));
                }
            }
        }

        private void Body(MethodBodyBlock body)
        {
            if (!body.LocalSignature.IsNil)
            {
                metadata.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(this, null);
            }

            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                var first = il.ReadByte();
                var code = first == 0xFE ? (ILOpCode)(0xFE00 | il.ReadByte()) : (ILOpCode)first;
                Operand(code, ref il);
            }
        }

        private void Operand(ILOpCode code, ref BlobReader il)
        {
            if (code.IsBranch())
            {
                _ = code.GetBranchOperandSize() == 1 ? il.ReadSByte() : il.ReadInt32();
                return;
            }

            switch (code)
            {
                case ILOpCode.Call or ILOpCode.Callvirt or ILOpCode.Newobj or ILOpCode.Ldftn or ILOpCode.Ldvirtftn or ILOpCode.Jmp
                    or ILOpCode.Ldfld or ILOpCode.Ldflda or ILOpCode.Stfld or ILOpCode.Ldsfld or ILOpCode.Ldsflda or ILOpCode.Stsfld
                    or ILOpCode.Box or ILOpCode.Unbox or ILOpCode.Unbox_any or ILOpCode.Castclass or ILOpCode.Isinst or ILOpCode.Newarr
                    or ILOpCode.Ldelema or ILOpCode.Ldelem or ILOpCode.Stelem or ILOpCode.Ldobj or ILOpCode.Stobj or ILOpCode.Cpobj
                    or ILOpCode.Initobj or ILOpCode.Mkrefany or ILOpCode.Refanyval or ILOpCode.Sizeof or ILOpCode.Constrained or ILOpCode.Ldtoken:
                    Entity(MetadataTokens.EntityHandle(il.ReadInt32()));
                    break;
                case ILOpCode.Switch:
                    var targets = il.ReadInt32();
                    for (var i = 0; i < targets; i++)
                    {
                        il.ReadInt32();
                    }

                    break;
                case ILOpCode.Ldstr or ILOpCode.Calli or ILOpCode.Ldc_i4 or ILOpCode.Ldc_r4:
                    il.ReadInt32();
                    break;
                case ILOpCode.Ldc_i8 or ILOpCode.Ldc_r8:
                    il.ReadInt64();
                    break;
                case ILOpCode.Ldarg_s or ILOpCode.Ldarga_s or ILOpCode.Starg_s or ILOpCode.Ldloc_s or ILOpCode.Ldloca_s or ILOpCode.Stloc_s
                    or ILOpCode.Ldc_i4_s or ILOpCode.Unaligned:
                    il.ReadByte();
                    break;
                case ILOpCode.Ldarg or ILOpCode.Ldarga or ILOpCode.Starg or ILOpCode.Ldloc or ILOpCode.Ldloca or ILOpCode.Stloc:
                    il.ReadUInt16();
                    break;
            }
        }

        private void Entity(EntityHandle handle)
        {
            if (handle.IsNil)
            {
                return;
            }

            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    Found.Add((TypeDefinitionHandle)handle);
                    break;
                case HandleKind.TypeSpecification:
                    metadata.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null);
                    break;
                case HandleKind.MethodDefinition:
                    Found.Add(metadata.GetMethodDefinition((MethodDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.FieldDefinition:
                    Found.Add(metadata.GetFieldDefinition((FieldDefinitionHandle)handle).GetDeclaringType());
                    break;
                case HandleKind.MemberReference:
                    var member = metadata.GetMemberReference((MemberReferenceHandle)handle);
                    Entity(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method)
                    {
                        member.DecodeMethodSignature(this, null);
                    }
                    else
                    {
                        member.DecodeFieldSignature(this, null);
                    }

                    break;
                case HandleKind.MethodSpecification:
                    var specification = metadata.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Entity(specification.Method);
                    specification.DecodeSignature(this, null);
                    break;
            }
        }

        private void Attributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var attribute in attributes)
            {
                Entity(metadata.GetCustomAttribute(attribute).Constructor);
            }
        }

        private void GenericParameters(GenericParameterHandleCollection parameters)
        {
            foreach (var constraint in parameters.SelectMany(p => metadata.GetGenericParameter(p).GetConstraints()))
            {
                Entity(metadata.GetGenericParameterConstraint(constraint).Type);
            }
        }

        public int GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            Found.Add(handle);
            return 0;
        }

        public int GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind)
        {
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
            return 0;
        }

        public int GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => 0;

        public int GetPrimitiveType(PrimitiveTypeCode typeCode) => 0;

        public int GetSZArrayType(int elementType) => 0;

        public int GetArrayType(int elementType, ArrayShape shape) => 0;

        public int GetByReferenceType(int elementType) => 0;

        public int GetPointerType(int elementType) => 0;

        public int GetPinnedType(int elementType) => 0;

        public int GetModifiedType(int modifier, int unmodifiedType, bool isRequired) => 0;

        public int GetGenericInstantiation(int genericType, ImmutableArray<int> typeArguments) => 0;

        public int GetGenericMethodParameter(object? genericContext, int index) => 0;

        public int GetGenericTypeParameter(object? genericContext, int index) => 0;

        public int GetFunctionPointerType(MethodSignature<int> signature) => 0;
    }
}
