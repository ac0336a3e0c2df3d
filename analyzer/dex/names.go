package dex

import "strings"

// DescriptorToDotted turns a class descriptor into Java's dotted name:
// "Lcom/a/B$C;" → "com.a.B$C". Array and primitive descriptors are returned
// unchanged, as is anything that is not a well-formed class descriptor.
func DescriptorToDotted(desc string) string {
	if len(desc) < 3 || desc[0] != 'L' || desc[len(desc)-1] != ';' {
		return desc
	}
	return strings.ReplaceAll(desc[1:len(desc)-1], "/", ".")
}

// DottedToDescriptor is the reverse of DescriptorToDotted: "com.a.B$C" →
// "Lcom/a/B$C;". Array descriptors ("[I", "[Ljava/lang/Object;") and
// single-letter primitive descriptors are returned unchanged; Java keyword names
// of primitives ("int", "void", ...) map to their descriptor letter.
func DottedToDescriptor(name string) string {
	if name == "" {
		return ""
	}
	if name[0] == '[' {
		return name
	}
	if p, ok := primitives[name]; ok {
		return p
	}
	if len(name) == 1 && strings.Contains("VZBSCIJFD", name) {
		return name
	}
	return "L" + strings.ReplaceAll(name, ".", "/") + ";"
}

var primitives = map[string]string{
	"void": "V", "boolean": "Z", "byte": "B", "short": "S", "char": "C",
	"int": "I", "long": "J", "float": "F", "double": "D",
}

// SmaliMethod formats a method the way smali and most rule sets write it:
// "Landroid/telephony/TelephonyManager;->getDeviceId()Ljava/lang/String;".
// class is the dotted name as stored in MethodRef.Class.
func SmaliMethod(class, name, proto string) string {
	return DottedToDescriptor(class) + "->" + name + proto
}

// Smali returns the smali-style reference of m (see SmaliMethod).
func (m MethodRef) Smali() string { return SmaliMethod(m.Class, m.Name, m.Proto) }

// Smali returns the smali-style reference of f: "Lcom/a/B;->name:Ljava/lang/String;".
func (f FieldRef) Smali() string { return DottedToDescriptor(f.Class) + "->" + f.Name + ":" + f.Type }
