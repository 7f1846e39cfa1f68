// Shared by every kernel source (compiled first, see SOURCES in src/backend/cuda/device.rs): element types,
// conversions without the CUDA headers (NVRTC compiles these with no include path), and
// strided addressing.

// Unsigned types meet the signed code paths: their "x < 0" checks are simply false.
#pragma nv_diag_suppress 186

typedef long long i64;
typedef unsigned short half_bits;

#define MAX_DIMS 8

// A tensor's layout as the host's `Lay` (src/backend/cuda/layout.rs) packs it.
struct Lay {
    int ndim;
    int pad;
    i64 offset;
    i64 shape[MAX_DIMS];
    i64 stride[MAX_DIMS];
};

// The storage offset of the i-th element in row-major order.
__device__ __forceinline__ i64 loc(const Lay& l, i64 i) {
    i64 off = l.offset;
    for (int d = l.ndim - 1; d >= 0; --d) {
        i64 s = l.shape[d];
        off += (i % s) * l.stride[d];
        i /= s;
    }
    return off;
}

__device__ __forceinline__ float f16_to_f32(half_bits h) {
    float f;
    asm("cvt.f32.f16 %0, %1;" : "=f"(f) : "h"(h));
    return f;
}
__device__ __forceinline__ half_bits f32_to_f16(float f) {
    half_bits h;
    asm("cvt.rn.f16.f32 %0, %1;" : "=h"(h) : "f"(f));
    return h;
}
__device__ __forceinline__ float bf16_to_f32(half_bits h) {
    return __uint_as_float(((unsigned int)h) << 16);
}
__device__ __forceinline__ half_bits f32_to_bf16(float f) {
    unsigned int u = __float_as_uint(f);
    if ((u & 0x7fffffffu) > 0x7f800000u) return (half_bits)((u >> 16) | 0x40u);  // quiet NaN
    u += 0x7fffu + ((u >> 16) & 1u);  // round to nearest even
    return (half_bits)(u >> 16);
}

// Each storage type: its value as a double or a long long, and back.
#define TYPE_INT(T)                                                             \
    __device__ __forceinline__ double to_f(T x) { return (double)x; }           \
    __device__ __forceinline__ i64 to_i(T x) { return (i64)x; }                 \
    __device__ __forceinline__ void from_f(T* y, double x) { *y = (T)x; }       \
    __device__ __forceinline__ void from_i(T* y, i64 x) { *y = (T)x; }

TYPE_INT(i64)
TYPE_INT(int)
TYPE_INT(short)
TYPE_INT(signed char)
TYPE_INT(unsigned char)
__device__ __forceinline__ double to_f(bool x) { return x ? 1.0 : 0.0; }
__device__ __forceinline__ i64 to_i(bool x) { return x ? 1 : 0; }
__device__ __forceinline__ void from_f(bool* y, double x) { *y = x != 0.0; }
__device__ __forceinline__ void from_i(bool* y, i64 x) { *y = x != 0; }
__device__ __forceinline__ double to_f(float x) { return (double)x; }
__device__ __forceinline__ i64 to_i(float x) { return (i64)x; }
__device__ __forceinline__ void from_f(float* y, double x) { *y = (float)x; }
__device__ __forceinline__ void from_i(float* y, i64 x) { *y = (float)x; }
__device__ __forceinline__ double to_f(double x) { return x; }
__device__ __forceinline__ i64 to_i(double x) { return (i64)x; }
__device__ __forceinline__ void from_f(double* y, double x) { *y = x; }
__device__ __forceinline__ void from_i(double* y, i64 x) { *y = (double)x; }

// float16 and bfloat16 travel as their bits, in wrapper types so overloads can tell them apart.
struct f16 { half_bits b; };
struct bf16 { half_bits b; };
__device__ __forceinline__ double to_f(f16 x) { return (double)f16_to_f32(x.b); }
__device__ __forceinline__ i64 to_i(f16 x) { return (i64)f16_to_f32(x.b); }
__device__ __forceinline__ void from_f(f16* y, double x) { y->b = f32_to_f16((float)x); }
__device__ __forceinline__ void from_i(f16* y, i64 x) { y->b = f32_to_f16((float)x); }
__device__ __forceinline__ double to_f(bf16 x) { return (double)bf16_to_f32(x.b); }
__device__ __forceinline__ i64 to_i(bf16 x) { return (i64)bf16_to_f32(x.b); }
__device__ __forceinline__ void from_f(bf16* y, double x) { y->b = f32_to_bf16((float)x); }
__device__ __forceinline__ void from_i(bf16* y, i64 x) { y->b = f32_to_bf16((float)x); }

template <typename T> struct is_floating { static const bool value = false; };
template <> struct is_floating<float> { static const bool value = true; };
template <> struct is_floating<double> { static const bool value = true; };
template <> struct is_floating<f16> { static const bool value = true; };
template <> struct is_floating<bf16> { static const bool value = true; };

// Converts as PyTorch's casts do: through double from floats, through long long from ints.
template <typename S, typename D> __device__ __forceinline__ void convert(D* y, S x) {
    if (is_floating<S>::value) from_f(y, to_f(x)); else from_i(y, to_i(x));
}

#define GRID_STRIDE(i, n) for (i64 i = (i64)blockIdx.x * blockDim.x + threadIdx.x; i < (n); i += (i64)blockDim.x * gridDim.x)

// The dtypes, as the host names them in kernel names (DType's `cuda_suffix`).
#define FOR_ALL_TYPES(M) M(f32, float) M(f64, double) M(f16, f16) M(bf16, bf16) \
    M(i64, i64) M(i32, int) M(i16, short) M(i8, signed char) M(u8, unsigned char) M(b8, bool)
#define FOR_INT_TYPES(M) M(i64, i64) M(i32, int) M(i16, short) M(i8, signed char) M(u8, unsigned char)
