package dev.procgroups.lua;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Patches LuaJ 3.0.1 classes at load time, where no library replacement reaches: the interpreter
 * calls these classes directly (for {@code ..}, {@code tostring}, table growth). Before LuaJ loads
 * them, this defines each from the jar's own bytes, rewritten:
 * <ul>
 *   <li>{@code LuaDouble.tojstring} prints numbers as Lua 5.2 does: stock goes through
 *       {@code float} ({@code tostring(1/3)} is "0.33333334", {@code tostring(1e100)} is
 *       "Infinity"). Its body becomes a call to {@link LuaNumberFormat#toLuaString(double)}.
 *   <li>{@code LuaString}, {@code Buffer} and {@code LuaTable} check every array they allocate
 *       first ({@link LuaAllocations#text}, {@link LuaAllocations#array}), and LuaString's
 *       constructor checks the string's length ({@link LuaAllocations#string}): these are where
 *       {@code ..}, {@code table.concat}, {@code gsub}, substrings and table growth take memory.
 * </ul>
 *
 * <p>When: linking any LuaJ value class loads {@code LuaString} and {@code LuaTable}, so
 * {@link #ensureInstalled()} must run before the JVM links a LuaJ class. {@link LuaNode} and
 * {@link LuaSandbox}, the entry points, do it in their initialization and name no LuaJ class
 * themselves; code that uses LuaJ before either must call it first (else this logs a warning and
 * LuaJ stays stock). This class must not mention LuaJ types.
 */
public final class LuaJPatch {

  private static final String PACKAGE = "org/luaj/vm2/";
  private static final String ALLOCATIONS = "dev/procgroups/lua/LuaAllocations";
  private static final boolean ACTIVE = install();

  private LuaJPatch() {}

  /** Installs the patches once (on first call); true if every patched class is the one in use. */
  public static boolean ensureInstalled() {
    return ACTIVE;
  }

  private static boolean install() {
    ClassLoader loader = LuaJPatch.class.getClassLoader();
    MethodHandles.Lookup lookup;
    try {
      // org.luaj.vm2.Lua is a constants interface: loading it loads none of the patched classes.
      Class<?> anchor = Class.forName("org.luaj.vm2.Lua", false, loader);
      if (anchor.getClassLoader() != loader) {
        // The patched classes must see this package: only possible when LuaJ and this binding
        // share a class loader (the usual flat class path).
        warn("LuaJ is in another class loader than the procgroups Lua binding");
        return false;
      }
      lookup = MethodHandles.privateLookupIn(anchor, MethodHandles.lookup());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("LuaJ not on the class path", e);
    }
    List<String> missed = new ArrayList<>();
    // Defining a class links it, which loads the classes its verification needs: each of these
    // is defined before one whose verification would load it.
    define(lookup, "LuaString", AllocationChecks::new, missed);
    define(lookup, "Buffer", AllocationChecks::new, missed);
    define(lookup, "LuaTable", AllocationChecks::new, missed);
    define(lookup, "LuaDouble", NumberToString::new, missed);
    if (!missed.isEmpty()) {
      warn(missed + " loaded before the procgroups Lua binding");
    }
    return missed.isEmpty();
  }

  private static void define(MethodHandles.Lookup lookup, String simpleName,
      UnaryOperator<ClassVisitor> patch, List<String> missed) {
    try {
      lookup.defineClass(patchedBytes(lookup.lookupClass().getClassLoader(), simpleName, patch));
    } catch (LinkageError alreadyLoaded) {
      missed.add(simpleName);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void warn(String why) {
    System.getLogger(LuaJPatch.class.getName()).log(System.Logger.Level.WARNING,
        why + ": those classes behave as stock LuaJ 3.0.1 (numbers print as tostring(1/3) = "
        + "0.33333334; strings and tables are bounded only by the memory guard's checkpoints)");
  }

  private static byte[] patchedBytes(ClassLoader loader, String simpleName,
      UnaryOperator<ClassVisitor> patch) {
    try (InputStream in = loader.getResourceAsStream(PACKAGE + simpleName + ".class")) {
      if (in == null) {
        throw new IllegalStateException("LuaJ's " + simpleName + ".class not found");
      }
      ClassReader reader = new ClassReader(in.readAllBytes());
      ClassWriter writer = new ClassWriter(reader, 0);
      reader.accept(patch.apply(writer), 0);
      return writer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Rewrites {@code String tojstring()} to {@code return LuaNumberFormat.toLuaString(this.v);}. */
  private static final class NumberToString extends ClassVisitor {
    NumberToString(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
      if (!name.equals("tojstring") || !descriptor.equals("()Ljava/lang/String;")) {
        return mv;
      }
      mv.visitCode();
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitFieldInsn(Opcodes.GETFIELD, PACKAGE + "LuaDouble", "v", "D");
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, "dev/procgroups/lua/LuaNumberFormat", "toLuaString",
          "(D)Ljava/lang/String;", false);
      mv.visitInsn(Opcodes.ARETURN);
      mv.visitMaxs(2, 1);
      mv.visitEnd();
      return null; // drop the original body
    }
  }

  /**
   * Before every {@code new T[n]}: {@code LuaAllocations.text(n, size)} for byte and char arrays,
   * {@code LuaAllocations.array(n, size)} for the others; at the start of
   * {@code LuaString(byte[], int, int)}: {@code LuaAllocations.string(length)}.
   */
  private static final class AllocationChecks extends ClassVisitor {
    private String className;

    AllocationChecks(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName,
        String[] interfaces) {
      className = name;
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
        String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
      boolean stringConstructor = className.equals(PACKAGE + "LuaString")
          && name.equals("<init>") && descriptor.equals("([BII)V");
      return new MethodVisitor(Opcodes.ASM9, mv) {
        @Override
        public void visitCode() {
          super.visitCode();
          if (stringConstructor) {
            // Before the super() call: legal, as it does not touch the uninitialized this.
            super.visitVarInsn(Opcodes.ILOAD, 3);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, ALLOCATIONS, "string", "(I)V", false);
          }
        }

        @Override
        public void visitIntInsn(int opcode, int operand) {
          if (opcode == Opcodes.NEWARRAY) {
            boolean text = operand == Opcodes.T_BYTE || operand == Opcodes.T_CHAR;
            check(text ? "text" : "array", elementBytes(operand));
          }
          super.visitIntInsn(opcode, operand);
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
          if (opcode == Opcodes.ANEWARRAY) {
            check("array", LuaAllocations.REFERENCE_BYTES);
          }
          super.visitTypeInsn(opcode, type);
        }

        /** The count is on the stack: duplicate it for the check, which returns nothing. */
        private void check(String method, int elementBytes) {
          super.visitInsn(Opcodes.DUP);
          super.visitIntInsn(Opcodes.BIPUSH, elementBytes);
          super.visitMethodInsn(Opcodes.INVOKESTATIC, ALLOCATIONS, method, "(II)V", false);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
          super.visitMaxs(maxStack + 2, maxLocals); // the duplicated count and the element size
        }
      };
    }

    private static int elementBytes(int arrayType) {
      return switch (arrayType) {
        case Opcodes.T_BOOLEAN, Opcodes.T_BYTE -> 1;
        case Opcodes.T_CHAR, Opcodes.T_SHORT -> 2;
        case Opcodes.T_INT, Opcodes.T_FLOAT -> 4;
        default -> 8;
      };
    }
  }
}
