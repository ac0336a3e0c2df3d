// Package dex reads Dalvik executables: the header, string/type/proto/field/method
// tables, class definitions and, per method, which methods, fields and strings its
// code references. Every offset and count is bounds-checked against the file, and
// Limits caps what a hostile file can make the reader allocate.
package dex

// Limits bounds what one DEX may cost. Zero fields take the defaults.
type Limits struct {
	MaxSize         int64 // bytes of the file itself
	MaxStrings      int   // string_ids
	MaxStringLen    int   // bytes of one decoded string
	MaxClasses      int   // class_defs
	MaxInsnsPerCode int   // 16-bit code units in one code item
}

// DefaultLimits fit the largest real-world DEX files (64K method refs, ~200 MB).
var DefaultLimits = Limits{
	MaxSize:         256 << 20,
	MaxStrings:      1 << 21,
	MaxStringLen:    1 << 22, // d8 emits string constants of 440 KB (appium server); all strings together are capped at the file size
	MaxClasses:      1 << 18,
	MaxInsnsPerCode: 1 << 20,
}

// File is one parsed DEX. Class names use Java's dotted form ("com.example.Foo$Inner");
// prototypes keep DEX descriptor form ("(ILjava/lang/String;)V").
type File struct {
	Version string // "035" to "041"
	Size    int64

	Strings []string
	Methods []MethodRef // method_ids, in file order
	Fields  []FieldRef  // field_ids, in file order
	Classes []Class     // class_defs, in file order

	// Warnings are non-fatal problems (a bad code item, a truncated class) that
	// left part of the file unread; the rest is still returned.
	Warnings []string
	// Notes are oddities that cost nothing (a wrong checksum, bytes after
	// file_size): everything was still read.
	Notes []string
}

// MethodRef is an entry of method_ids.
type MethodRef struct {
	Class string // dotted Java name of the defining class
	Name  string
	Proto string // descriptor, e.g. "(Landroid/content/Context;)V"
}

// FieldRef is an entry of field_ids.
type FieldRef struct {
	Class string
	Name  string
	Type  string // descriptor, e.g. "Ljava/lang/String;"
}

// Class is a class_def with its code's references.
type Class struct {
	Name        string
	Super       string   // "" for java.lang.Object
	Interfaces  []string // dotted names
	AccessFlags uint32
	SourceFile  string
	Methods     []Method // direct then virtual methods that the class defines
}

// Method is a method a class defines, with what its code references. Indices point
// into File.Methods, File.Fields and File.Strings; each list is sorted and unique.
// The lists of one File share backing arrays (capacity = length, so appending
// copies): treat them as read-only.
type Method struct {
	Ref         uint32 // index into File.Methods of this method itself
	AccessFlags uint32
	Invokes     []uint32 // invoke-* targets
	FieldRefs   []uint32 // iget/iput/sget/sput fields
	StringRefs  []uint32 // const-string / const-string/jumbo
}
