# lit configuration for the P4 golden tests: each .p4 file is a ShTest with RUN lines.
# Substitutions: %p4wb (the CLI), %examples (resources/examples), FileCheck, not.
import os
import sys
import lit.formats

config.name = "p4wb"
config.test_format = lit.formats.ShTest(execute_external=False)
config.suffixes = [".p4"]
config.excludes = ["Inputs"]
config.test_source_root = config.p4wb_source_dir
config.test_exec_root = config.p4wb_binary_dir

config.substitutions.append(("%python", sys.executable))
config.substitutions.append(("%p4wb", config.p4wb))
config.substitutions.append(("%examples", config.examples_dir))
config.substitutions.append(("FileCheck", config.filecheck))
config.substitutions.append(("%llvm-objdump", os.path.join(config.llvm_tools_dir, "llvm-objdump")))
config.substitutions.append(("%llvm-readelf", os.path.join(config.llvm_tools_dir, "llvm-readelf")))

# Tests that load programs into the kernel (BPF_PROG_TEST_RUN) say `REQUIRES: root`.
if hasattr(os, "geteuid") and os.geteuid() == 0:
    config.available_features.add("root")
