// Reductions over the trailing `inner` elements of each row (one block per row), softmax
// along the last dimension, and gathers by int64 offsets. Included after elementwise.cu:
// the reductions combine with its `bin` (Sum = add, Prod = mul, Max/Min = maximum/minimum),
// so NaNs and integer wrapping behave as the elementwise ops do.

#define BLOCK 256

// op: the BinaryOp position (0 add, 2 mul, 8 maximum, 9 minimum); init: its identity, or
// the row's first element for maximum/minimum.
#define REDUCE(name, T)                                                                    \
    extern "C" __global__ void reduce_##name(int op, const T* x, Lay lx, i64 inner, T* y) {\
        __shared__ T acc[BLOCK];                                                           \
        i64 row = blockIdx.x;                                                              \
        i64 base = row * inner;                                                            \
        T a = x[loc(lx, base)];                                                            \
        bool have = false;                                                                 \
        for (i64 j = threadIdx.x; j < inner; j += blockDim.x) {                            \
            T v = x[loc(lx, base + j)];                                                    \
            a = have ? bin(op, a, v) : v;                                                  \
            have = true;                                                                   \
        }                                                                                  \
        acc[threadIdx.x] = a;                                                              \
        __syncthreads();                                                                   \
        int live = blockDim.x < inner ? blockDim.x : (int)inner;                           \
        for (int s = 1; s < live; s *= 2) {                                                \
            int t = threadIdx.x;                                                           \
            if (t % (2 * s) == 0 && t + s < live) acc[t] = bin(op, acc[t], acc[t + s]);    \
            __syncthreads();                                                               \
        }                                                                                  \
        if (threadIdx.x == 0) y[row] = acc[0];                                             \
    }
REDUCE(f32, float)
REDUCE(f64, double)
REDUCE(i64, i64)
REDUCE(i32, int)
REDUCE(i16, short)
REDUCE(i8, signed char)
REDUCE(u8, unsigned char)
REDUCE(b8, bool)

// Whether (v, i) beats the best so far (b, j): larger (or smaller), a NaN over any number,
// the first position on ties.
__device__ __forceinline__ bool arg_better(bool max, double v, i64 i, double b, i64 j) {
    bool vn = isnan(v), bn = isnan(b);
    if (vn || bn) return vn && (!bn || i < j);
    if (v == b) return i < j;
    return max ? v > b : v < b;
}

#define ARG_REDUCE(name, T)                                                                \
    extern "C" __global__ void arg_reduce_##name(int is_max, const T* x, Lay lx, i64 inner,\
                                                 i64* y) {                                \
        __shared__ double val[BLOCK];                                                      \
        __shared__ i64 pos[BLOCK];                                                         \
        i64 row = blockIdx.x;                                                              \
        i64 base = row * inner;                                                            \
        double b = 0.0;                                                                    \
        i64 j = -1;                                                                        \
        for (i64 k = threadIdx.x; k < inner; k += blockDim.x) {                            \
            double v = to_f(x[loc(lx, base + k)]);                                         \
            if (j < 0 || arg_better(is_max, v, k, b, j)) { b = v; j = k; }                 \
        }                                                                                  \
        val[threadIdx.x] = b;                                                              \
        pos[threadIdx.x] = j;                                                              \
        __syncthreads();                                                                   \
        for (int s = 1; s < blockDim.x; s *= 2) {                                          \
            int t = threadIdx.x;                                                           \
            if (t % (2 * s) == 0 && t + s < blockDim.x && pos[t + s] >= 0 &&               \
                (pos[t] < 0 || arg_better(is_max, val[t + s], pos[t + s], val[t], pos[t]))) {\
                val[t] = val[t + s];                                                       \
                pos[t] = pos[t + s];                                                       \
            }                                                                              \
            __syncthreads();                                                               \
        }                                                                                  \
        if (threadIdx.x == 0) y[row] = pos[0];                                             \
    }
FOR_ALL_TYPES(ARG_REDUCE)

// Softmax (or log-softmax) of each row of `inner` elements.
#define SOFTMAX(name, T)                                                                   \
    extern "C" __global__ void softmax_##name(const T* x, Lay lx, i64 inner, int log_out,  \
                                              T* y) {                                     \
        __shared__ T red[BLOCK];                                                           \
        i64 base = (i64)blockIdx.x * inner;                                                \
        T m = -(T)__int_as_float(0x7f800000); /* -inf: NVRTC has no math.h */ \
        for (i64 j = threadIdx.x; j < inner; j += blockDim.x) m = fmax(m, x[loc(lx, base + j)]);\
        red[threadIdx.x] = m;                                                              \
        __syncthreads();                                                                   \
        for (int s = blockDim.x / 2; s > 0; s /= 2) {                                      \
            if (threadIdx.x < s) red[threadIdx.x] = fmax(red[threadIdx.x], red[threadIdx.x + s]);\
            __syncthreads();                                                               \
        }                                                                                  \
        m = red[0];                                                                        \
        __syncthreads();                                                                   \
        T sum = 0;                                                                         \
        for (i64 j = threadIdx.x; j < inner; j += blockDim.x) sum += exp(x[loc(lx, base + j)] - m);\
        red[threadIdx.x] = sum;                                                            \
        __syncthreads();                                                                   \
        for (int s = blockDim.x / 2; s > 0; s /= 2) {                                      \
            if (threadIdx.x < s) red[threadIdx.x] += red[threadIdx.x + s];                 \
            __syncthreads();                                                               \
        }                                                                                  \
        sum = red[0];                                                                      \
        T lse = log(sum);                                                                  \
        for (i64 j = threadIdx.x; j < inner; j += blockDim.x) {                            \
            T v = x[loc(lx, base + j)] - m;                                                \
            y[base + j] = log_out ? v - lse : exp(v) / sum;                                \
        }                                                                                  \
    }
SOFTMAX(f32, float)
SOFTMAX(f64, double)

// Gathers. `bad` is set when an offset or index is out of range (the host reports it).
#define GATHER(name, T)                                                                    \
    extern "C" __global__ void take_##name(const T* x, i64 len, const i64* off, Lay lo,    \
                                           T* y, i64 n, int* bad) {                       \
        GRID_STRIDE(i, n) {                                                                \
            i64 o = off[loc(lo, i)];                                                       \
            if (o < 0 || o >= len) { *bad = 1; continue; }                                 \
            y[i] = x[o];                                                                   \
        }                                                                                  \
    }                                                                                      \
    extern "C" __global__ void index_select_##name(const T* x, i64 offset, i64 size,       \
                                                   i64 inner, const i64* idx, Lay li,     \
                                                   i64 count, T* y, i64 n, int* bad) {    \
        GRID_STRIDE(i, n) {                                                                \
            i64 in = i % inner;                                                            \
            i64 k = (i / inner) % count;                                                   \
            i64 outer = i / (inner * count);                                               \
            i64 s = idx[loc(li, k)];                                                       \
            if (s < 0 || s >= size) { *bad = 1; continue; }                                \
            y[i] = x[offset + (outer * size + s) * inner + in];                            \
        }                                                                                  \
    }
FOR_ALL_TYPES(GATHER)
