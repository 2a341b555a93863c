package dev.procgroups.lua.sandbox;

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
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Patches LuaJ 3.0.1 classes at load time, where no library replacement reaches: the interpreter
 * calls these classes directly (for {@code ..}, {@code tostring}, table growth). Before LuaJ loads
 * them, this defines each from the jar's own bytes, rewritten:
 *
 * <ul>
 *   <li>{@code LuaDouble.tojstring} prints numbers as Lua 5.2 does: stock goes through {@code
 *       float} ({@code tostring(1/3)} is "0.33333334", {@code tostring(1e100)} is "Infinity"). Its
 *       body becomes a call to {@link LuaNumberFormat#toLuaString(double)}.
 *   <li>The lexer and the pattern matcher stop a killed process ({@link KillChecks}); the
 *       compiler's {@code FuncState} and {@code LexState} check their arrays too.
 *   <li>-0 stays -0.0 ({@link LuaNegativeZero}): {@code LuaDouble.valueOf} and {@code hashCode},
 *       unary minus in {@code LuaClosure} and the compiler's {@code FuncState}, which also keeps
 *       -0.0 constants.
 *   <li>{@code LuaString}, {@code Buffer} and {@code LuaTable} check every array they allocate
 *       first ({@link LuaAllocations#text}, {@link LuaAllocations#array}), and LuaString's
 *       constructor checks the string's length ({@link LuaAllocations#string}): these are where
 *       {@code ..}, {@code table.concat}, {@code gsub}, substrings and table growth take memory.
 * </ul>
 *
 * <p>When: linking any LuaJ value class loads {@code LuaString} and {@code LuaTable}, so {@link
 * #ensureInstalled()} must run before the JVM links a LuaJ class. {@code LuaNode}, the entry point,
 * does it in its initialization, and its code makes the JVM load no LuaJ class to verify it ({@code
 * LuaScriptRunner} holds that code). Code that uses LuaJ before it, or builds {@link LuaSandbox}
 * globals directly (an {@link InstructionBudget} is a LuaJ class), must call it first; otherwise
 * this logs a warning and the classes stay stock. This class must not mention LuaJ types.
 */
public final class LuaJPatch {

  private static final String PACKAGE = "org/luaj/vm2/";
  private static final String HERE = "dev/procgroups/lua/sandbox/";
  private static final String ALLOCATIONS = HERE + "LuaAllocations";
  private static final String NEGATIVE_ZERO = HERE + "LuaNegativeZero";
  private static final boolean ACTIVE = install();

  private LuaJPatch() {}

  /** Installs the patches once (on first call); true if every patched class is the one in use. */
  public static boolean ensureInstalled() {
    return ACTIVE;
  }

  private static boolean install() {
    ClassLoader loader = LuaJPatch.class.getClassLoader();
    // Interfaces and constant classes of LuaJ's packages: loading them loads nothing patched.
    MethodHandles.Lookup core = lookupIn("org.luaj.vm2.Lua", loader);
    MethodHandles.Lookup compiler = lookupIn("org.luaj.vm2.compiler.Constants", loader);
    MethodHandles.Lookup lib = lookupIn("org.luaj.vm2.lib.ResourceFinder", loader);
    if (core == null || compiler == null || lib == null) {
      return false;
    }
    List<String> missed = new ArrayList<>();
    // Defining a class links it, which loads the classes its verification needs: each of these
    // is defined before one whose verification would load it. (LuaInteger cannot be patched:
    // linking any of them links LuaValue, which loads it.)
    define(core, "LuaString", AllocationChecks::new, missed);
    define(core, "Buffer", AllocationChecks::new, missed);
    define(core, "LuaTable", AllocationChecks::new, missed);
    define(core, "LuaDouble", DoublePatch::new, missed);
    define(core, "LuaClosure", UnaryMinus::new, missed);
    define(
        compiler,
        "compiler/LexState",
        next -> new KillChecks("next()V", new AllocationChecks(next)),
        missed);
    define(
        compiler,
        "compiler/FuncState",
        next -> new UnaryMinus(new NumberConstants(new AllocationChecks(next))),
        missed);
    define(lib, "lib/StringLib$MatchState", next -> new KillChecks("match(II)I", next), missed);
    if (!missed.isEmpty()) {
      warn(missed + " loaded before the procgroups Lua binding");
    }
    return missed.isEmpty();
  }

  /** A lookup with the rights to define classes in the package of {@code anchor}; or null. */
  private static MethodHandles.Lookup lookupIn(String anchor, ClassLoader loader) {
    try {
      Class<?> type = Class.forName(anchor, false, loader);
      if (type.getClassLoader() != loader) {
        // The patched classes must see this package: only possible when LuaJ and this binding
        // share a class loader (the usual flat class path).
        warn("LuaJ is in another class loader than the procgroups Lua binding");
        return null;
      }
      return MethodHandles.privateLookupIn(type, MethodHandles.lookup());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("LuaJ not on the class path", e);
    }
  }

  private static void define(
      MethodHandles.Lookup lookup,
      String name,
      UnaryOperator<ClassVisitor> patch,
      List<String> missed) {
    try {
      lookup.defineClass(patchedBytes(lookup.lookupClass().getClassLoader(), name, patch));
    } catch (LinkageError alreadyLoaded) {
      missed.add(name);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void warn(String why) {
    System.getLogger(LuaJPatch.class.getName())
        .log(
            System.Logger.Level.WARNING,
            why
                + ": those classes behave as stock LuaJ 3.0.1 (numbers print as tostring(1/3) = "
                + "0.33333334; strings and tables are bounded only by the memory guard's checkpoints)");
  }

  private static byte[] patchedBytes(
      ClassLoader loader, String name, UnaryOperator<ClassVisitor> patch) {
    try (InputStream in = loader.getResourceAsStream(PACKAGE + name + ".class")) {
      if (in == null) {
        throw new IllegalStateException("LuaJ's " + name + ".class not found");
      }
      ClassReader reader = new ClassReader(in.readAllBytes());
      ClassWriter writer = new ClassWriter(reader, 0);
      reader.accept(patch.apply(writer), 0);
      return writer.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A class visitor that replaces the bodies of some methods, chosen by name and descriptor. */
  private abstract static class BodyReplacer extends ClassVisitor {
    BodyReplacer(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    /** Writes the new body of this method into {@code mv} and returns true; or returns false. */
    abstract boolean replace(String name, String descriptor, MethodVisitor mv);

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
      return replace(name, descriptor, mv) ? null : mv; // null: the original body is dropped
    }
  }

  /**
   * {@code LuaDouble}: {@code tojstring()} returns {@code LuaNumberFormat.toLuaString(v)}; {@code
   * valueOf(double)} keeps -0.0 a double; {@code hashCode()} is {@code LuaNegativeZero.hash(v)}.
   */
  private static final class DoublePatch extends BodyReplacer {
    private static final String DOUBLE = PACKAGE + "LuaDouble";

    DoublePatch(ClassVisitor next) {
      super(next);
    }

    @Override
    boolean replace(String name, String descriptor, MethodVisitor mv) {
      switch (name + descriptor) {
        case "tojstring()Ljava/lang/String;" -> {
          ofField(mv, HERE + "LuaNumberFormat", "toLuaString", "Ljava/lang/String;");
          mv.visitInsn(Opcodes.ARETURN);
        }
        case "hashCode()I" -> {
          ofField(mv, NEGATIVE_ZERO, "hash", "I");
          mv.visitInsn(Opcodes.IRETURN);
        }
        case "valueOf(D)L" + PACKAGE + "LuaNumber;" -> {
          valueOf(mv);
          return true;
        }
        default -> {
          return false;
        }
      }
      mv.visitMaxs(2, 1);
      mv.visitEnd();
      return true;
    }

    /** Starts a body with {@code owner.method(this.v)}. */
    private static void ofField(MethodVisitor mv, String owner, String method, String returns) {
      mv.visitCode();
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitFieldInsn(Opcodes.GETFIELD, DOUBLE, "v", "D");
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, owner, method, "(D)" + returns, false);
    }

    /** {@code boxesAsInteger(d) ? LuaInteger.valueOf((int) d) : new LuaDouble(d)}. */
    private static void valueOf(MethodVisitor mv) {
      Label asDouble = new Label();
      mv.visitCode();
      mv.visitVarInsn(Opcodes.DLOAD, 0);
      mv.visitMethodInsn(Opcodes.INVOKESTATIC, NEGATIVE_ZERO, "boxesAsInteger", "(D)Z", false);
      mv.visitJumpInsn(Opcodes.IFEQ, asDouble);
      mv.visitVarInsn(Opcodes.DLOAD, 0);
      mv.visitInsn(Opcodes.D2I);
      mv.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          PACKAGE + "LuaInteger",
          "valueOf",
          "(I)L" + PACKAGE + "LuaInteger;",
          false);
      mv.visitInsn(Opcodes.ARETURN);
      mv.visitLabel(asDouble); // no stack map frame: LuaJ's classes are Java 1.4 class files
      mv.visitTypeInsn(Opcodes.NEW, DOUBLE);
      mv.visitInsn(Opcodes.DUP);
      mv.visitVarInsn(Opcodes.DLOAD, 0);
      mv.visitMethodInsn(Opcodes.INVOKESPECIAL, DOUBLE, "<init>", "(D)V", false);
      mv.visitInsn(Opcodes.ARETURN);
      mv.visitMaxs(4, 2);
      mv.visitEnd();
    }
  }

  /**
   * Every {@code LuaValue.neg()} call becomes {@code LuaNegativeZero.neg(value)}: the interpreter's
   * unary minus and the compiler's constant folding of it.
   */
  private static final class UnaryMinus extends ClassVisitor {
    private static final String NEG = "()L" + PACKAGE + "LuaValue;";

    UnaryMinus(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      return new MethodVisitor(
          Opcodes.ASM9, super.visitMethod(access, name, descriptor, signature, exceptions)) {
        @Override
        public void visitMethodInsn(
            int opcode, String owner, String method, String desc, boolean isInterface) {
          if (opcode == Opcodes.INVOKEVIRTUAL
              && owner.equals(PACKAGE + "LuaValue")
              && method.equals("neg")
              && desc.equals(NEG)) {
            super.visitMethodInsn(
                Opcodes.INVOKESTATIC,
                NEGATIVE_ZERO,
                "neg",
                "(L" + PACKAGE + "LuaValue;)L" + PACKAGE + "LuaValue;",
                false);
          } else {
            super.visitMethodInsn(opcode, owner, method, desc, isInterface);
          }
        }
      };
    }
  }

  /**
   * {@code FuncState.numberK(r)} becomes {@code addk(LuaNegativeZero.constant(r))}: a -0.0 constant
   * stays -0.0 (stock turns every integral double constant into an integer).
   */
  private static final class NumberConstants extends BodyReplacer {
    private static final String VALUE = "L" + PACKAGE + "LuaValue;";

    NumberConstants(ClassVisitor next) {
      super(next);
    }

    @Override
    boolean replace(String name, String descriptor, MethodVisitor mv) {
      if (!(name + descriptor).equals("numberK(" + VALUE + ")I")) {
        return false;
      }
      mv.visitCode();
      mv.visitVarInsn(Opcodes.ALOAD, 0);
      mv.visitVarInsn(Opcodes.ALOAD, 1);
      mv.visitMethodInsn(
          Opcodes.INVOKESTATIC, NEGATIVE_ZERO, "constant", "(" + VALUE + ")" + VALUE, false);
      mv.visitMethodInsn(
          Opcodes.INVOKEVIRTUAL, PACKAGE + "compiler/FuncState", "addk", "(" + VALUE + ")I", false);
      mv.visitInsn(Opcodes.IRETURN);
      mv.visitMaxs(2, 2);
      mv.visitEnd();
      return true;
    }
  }

  /**
   * At the start of one method, {@code InstructionBudget.stopIfKilledHere()}: for a loop of LuaJ
   * that runs no Lua instruction, so the instruction hook never sees a kill (the lexer's next
   * token, one step of pattern matching, which can backtrack exponentially).
   */
  private static final class KillChecks extends ClassVisitor {
    private final String method;

    KillChecks(String method, ClassVisitor next) {
      super(Opcodes.ASM9, next);
      this.method = method;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
      if (!(name + descriptor).equals(method)) {
        return mv;
      }
      return new MethodVisitor(Opcodes.ASM9, mv) {
        @Override
        public void visitCode() {
          super.visitCode();
          super.visitMethodInsn(
              Opcodes.INVOKESTATIC, HERE + "InstructionBudget", "stopIfKilledHere", "()V", false);
        }
      };
    }
  }

  /**
   * Before every {@code new T[n]}: {@code LuaAllocations.text(n, size)} for byte and char arrays,
   * {@code LuaAllocations.array(n, size)} for the others; at the start of {@code LuaString(byte[],
   * int, int)}: {@code LuaAllocations.string(bytes, length)}.
   */
  private static final class AllocationChecks extends ClassVisitor {
    private String className;

    AllocationChecks(ClassVisitor next) {
      super(Opcodes.ASM9, next);
    }

    @Override
    public void visit(
        int version,
        int access,
        String name,
        String signature,
        String superName,
        String[] interfaces) {
      className = name;
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
      boolean stringConstructor =
          className.equals(PACKAGE + "LuaString")
              && name.equals("<init>")
              && descriptor.equals("([BII)V");
      return new MethodVisitor(Opcodes.ASM9, mv) {
        @Override
        public void visitCode() {
          super.visitCode();
          if (stringConstructor) {
            // Before the super() call: legal, as it does not touch the uninitialized this.
            super.visitVarInsn(Opcodes.ALOAD, 1);
            super.visitVarInsn(Opcodes.ILOAD, 3);
            super.visitMethodInsn(Opcodes.INVOKESTATIC, ALLOCATIONS, "string", "([BI)V", false);
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
            check("array", LuaAllocations.SLOT_BYTES);
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
