/* The soak churn's child: a static program with no C library that exits 0
 * at once, so a fork+exec costs the kernel's work and little else (a
 * dynamically linked /bin/true spends most of its life in ld.so and caps the
 * churn near 1,000 processes a second on two cores). Built by
 * benches/soak.sh with `clang -static -nostdlib`. */
void _start(void)
{
    __asm__ volatile("mov $60, %eax\n\txor %edi, %edi\n\tsyscall");
}
