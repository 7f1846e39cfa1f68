// Elementwise kernels: unary float functions, binary ops, comparisons, where, casts and
// strided copies, fill. Op numbers are the positions in the host's `UnaryOp::ALL`,
// `BinaryOp::ALL` and `CmpOp::ALL` (src/backend/op.rs); outputs are contiguous unless a
// layout says otherwise.

template <typename T> __device__ T erfinv_of(T y) { return erfinv(y); }

template <typename T> __device__ __forceinline__ T unary_fn(int op, T x) {
    switch (op) {
        case 0: return -x;
        case 1: return fabs(x);
        case 2: return exp(x);
        case 3: return exp2(x);
        case 4: return expm1(x);
        case 5: return log(x);
        case 6: return log2(x);
        case 7: return log10(x);
        case 8: return log1p(x);
        case 9: return sqrt(x);
        case 10: return (T)1 / sqrt(x);
        case 11: return sin(x);
        case 12: return cos(x);
        case 13: return tan(x);
        case 14: return asin(x);
        case 15: return acos(x);
        case 16: return atan(x);
        case 17: return sinh(x);
        case 18: return cosh(x);
        case 19: return tanh(x);
        case 20: return erf(x);
        case 21: return erfinv_of(x);
        case 22: return floor(x);
        case 23: return ceil(x);
        case 24: return rint(x);
        default: return trunc(x);
    }
}

#define UNARY(name, T)                                                                     \
    extern "C" __global__ void unary_##name(int op, const T* x, Lay lx, T* y, i64 n) {    \
        GRID_STRIDE(i, n) { y[i] = unary_fn(op, x[loc(lx, i)]); }                         \
    }
UNARY(f32, float)
UNARY(f64, double)

// Binary ops with Python's semantics, as src/backend/cpu/num.rs.
template <typename T> __device__ __forceinline__ T float_bin(int op, T a, T b) {
    switch (op) {
        case 0: return a + b;
        case 1: return a - b;
        case 2: return a * b;
        case 3: return a / b;
        case 4: {
            if (b == (T)0) return a / b;
            T m = fmod(a, b);
            T d = (a - m) / b;
            if (m != (T)0 && ((b < (T)0) != (m < (T)0))) d -= (T)1;
            if (d == (T)0) return copysign((T)0, a / b);
            T f = floor(d);
            return (d - f > (T)0.5) ? f + (T)1 : f;
        }
        case 5: {
            T m = fmod(a, b);
            return (m != (T)0 && ((b < (T)0) != (m < (T)0))) ? m + b : m;
        }
        case 6: return fmod(a, b);
        case 7: return b == (T)2 ? a * a : pow(a, b);
        case 8: return (isnan(a) || a > b) ? a : b;
        case 9: return (isnan(a) || a < b) ? a : b;
        case 10: return atan2(a, b);
        default: return (T)0;
    }
}

template <typename T, typename U> __device__ __forceinline__ T int_bin(int op, T a, T b) {
    const int bits = (int)(sizeof(T) * 8);
    switch (op) {
        case 0: return (T)((U)a + (U)b);
        case 1: return (T)((U)a - (U)b);
        case 2: return (T)((U)a * (U)b);
        case 3:
        case 4: {
            if (b == 0) return 0;
            if (b == (T)-1) return (T)((U)0 - (U)a);
            T q = a / b;
            return ((a % b != 0) && ((a < 0) != (b < 0))) ? q - 1 : q;
        }
        case 5: {
            if (b == 0 || b == (T)-1) return 0;
            T r = a % b;
            return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r;
        }
        case 6: return (b == 0 || b == (T)-1) ? 0 : a % b;
        case 7: {
            if (b < 0) {
                if (a == 1) return 1;
                if (a == (T)-1 && a != 0) return (b % 2 == 0) ? 1 : a;
                return 0;
            }
            U base = (U)a, acc = 1;
            unsigned long long e = (unsigned long long)b;
            while (e > 0) {
                if (e & 1) acc *= base;
                base *= base;
                e >>= 1;
            }
            return (T)acc;
        }
        case 8: return a > b ? a : b;
        case 9: return a < b ? a : b;
        case 10: return (T)atan2((double)a, (double)b);
        case 11: return a & b;
        case 12: return a | b;
        case 13: return a ^ b;
        case 14: return (b < 0 || b >= bits) ? 0 : (T)((U)a << b);
        default: return (b < 0 || b >= bits) ? (a < 0 ? (T)-1 : 0) : (T)(a >> b);
    }
}

__device__ __forceinline__ bool bool_bin(int op, bool a, bool b) {
    switch (op) {
        case 0: case 8: case 12: return a | b;
        case 1: case 13: return a ^ b;
        case 2: case 3: case 4: case 9: case 11: return a & b;
        case 5: case 6: return false;
        case 7: return a | !b;
        default: return a & !b;
    }
}

__device__ __forceinline__ float bin(int op, float a, float b) { return float_bin(op, a, b); }
__device__ __forceinline__ double bin(int op, double a, double b) { return float_bin(op, a, b); }
__device__ __forceinline__ i64 bin(int op, i64 a, i64 b) { return int_bin<i64, unsigned long long>(op, a, b); }
__device__ __forceinline__ int bin(int op, int a, int b) { return int_bin<int, unsigned int>(op, a, b); }
__device__ __forceinline__ short bin(int op, short a, short b) { return int_bin<short, unsigned short>(op, a, b); }
__device__ __forceinline__ signed char bin(int op, signed char a, signed char b) { return int_bin<signed char, unsigned char>(op, a, b); }
__device__ __forceinline__ unsigned char bin(int op, unsigned char a, unsigned char b) { return int_bin<unsigned char, unsigned char>(op, a, b); }
__device__ __forceinline__ bool bin(int op, bool a, bool b) { return bool_bin(op, a, b); }

#define BINARY(name, T)                                                                   \
    extern "C" __global__ void binary_##name(int op, const T* a, Lay la, const T* b,     \
                                             Lay lb, T* y, i64 n) {                      \
        GRID_STRIDE(i, n) { y[i] = bin(op, a[loc(la, i)], b[loc(lb, i)]); }              \
    }                                                                                     \
    extern "C" __global__ void binary_assign_##name(int op, T* a, Lay la, const T* b,    \
                                                    Lay lb, i64 n) {                     \
        GRID_STRIDE(i, n) {                                                               \
            i64 o = loc(la, i);                                                           \
            a[o] = bin(op, a[o], b[loc(lb, i)]);                                          \
        }                                                                                 \
    }
BINARY(f32, float)
BINARY(f64, double)
BINARY(i64, i64)
BINARY(i32, int)
BINARY(i16, short)
BINARY(i8, signed char)
BINARY(u8, unsigned char)
BINARY(b8, bool)

// Comparisons: floats (and halves) compare as doubles, ints as long longs.
template <typename U> __device__ __forceinline__ bool compare(int op, U a, U b) {
    switch (op) {
        case 0: return a == b;
        case 1: return a != b;
        case 2: return a < b;
        case 3: return a <= b;
        case 4: return a > b;
        default: return a >= b;
    }
}

template <typename T> __device__ __forceinline__ bool cmp_fn(int op, T x, T y) {
    return is_floating<T>::value ? compare(op, to_f(x), to_f(y)) : compare(op, to_i(x), to_i(y));
}

#define CMP_WHERE_FILL(name, T)                                                            \
    extern "C" __global__ void cmp_##name(int op, const T* a, Lay la, const T* b, Lay lb, \
                                          bool* y, i64 n) {                               \
        GRID_STRIDE(i, n) { y[i] = cmp_fn(op, a[loc(la, i)], b[loc(lb, i)]); }            \
    }                                                                                      \
    extern "C" __global__ void where_##name(const bool* c, Lay lc, const T* a, Lay la,    \
                                            const T* b, Lay lb, T* y, i64 n) {            \
        GRID_STRIDE(i, n) { y[i] = c[loc(lc, i)] ? a[loc(la, i)] : b[loc(lb, i)]; }       \
    }                                                                                      \
    extern "C" __global__ void fill_##name(T* y, Lay ly, double fv, i64 iv, int is_int,   \
                                           i64 n) {                                       \
        T v;                                                                               \
        if (is_int) from_i(&v, iv); else from_f(&v, fv);                                   \
        GRID_STRIDE(i, n) { y[loc(ly, i)] = v; }                                           \
    }
FOR_ALL_TYPES(CMP_WHERE_FILL)

// y[ly] = x[lx] converted: casts (ly contiguous) and copies into views.
#define CAST_TO(dname, D, sname, S)                                                        \
    extern "C" __global__ void cast_##sname##_##dname(const S* x, Lay lx, D* y, Lay ly,   \
                                                      i64 n) {                            \
        GRID_STRIDE(i, n) { convert<S, D>(&y[loc(ly, i)], x[loc(lx, i)]); }               \
    }
#define CAST_FROM_f32(dn, D) CAST_TO(dn, D, f32, float)
#define CAST_FROM_f64(dn, D) CAST_TO(dn, D, f64, double)
#define CAST_FROM_f16(dn, D) CAST_TO(dn, D, f16, f16)
#define CAST_FROM_bf16(dn, D) CAST_TO(dn, D, bf16, bf16)
#define CAST_FROM_i64(dn, D) CAST_TO(dn, D, i64, i64)
#define CAST_FROM_i32(dn, D) CAST_TO(dn, D, i32, int)
#define CAST_FROM_i16(dn, D) CAST_TO(dn, D, i16, short)
#define CAST_FROM_i8(dn, D) CAST_TO(dn, D, i8, signed char)
#define CAST_FROM_u8(dn, D) CAST_TO(dn, D, u8, unsigned char)
#define CAST_FROM_b8(dn, D) CAST_TO(dn, D, b8, bool)
FOR_ALL_TYPES(CAST_FROM_f32)
FOR_ALL_TYPES(CAST_FROM_f64)
FOR_ALL_TYPES(CAST_FROM_f16)
FOR_ALL_TYPES(CAST_FROM_bf16)
FOR_ALL_TYPES(CAST_FROM_i64)
FOR_ALL_TYPES(CAST_FROM_i32)
FOR_ALL_TYPES(CAST_FROM_i16)
FOR_ALL_TYPES(CAST_FROM_i8)
FOR_ALL_TYPES(CAST_FROM_u8)
FOR_ALL_TYPES(CAST_FROM_b8)
