// im2col and its adjoint col2im over contiguous N×C×H×W float storage, as
// src/backend/cpu/conv.rs: columns are [N·C planes][kh·kw rows][oh·ow], padding reads as 0.
// col2im gathers (each input position sums the column entries that read it), so it needs
// no atomics and adds in a fixed order.

// The host's `Win` (src/backend/cuda/mod.rs): Window2d's fields as 64-bit ints.
struct Win {
    i64 n, c, h, w, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow;
};

#define CONV(name, T)                                                                      \
    extern "C" __global__ void im2col_##name(const T* x, Win g, T* y, i64 total) {         \
        i64 ohw = g.oh * g.ow, rows = g.kh * g.kw;                                         \
        GRID_STRIDE(i, total) {                                                            \
            i64 o = i % ohw, r = (i / ohw) % rows, p = i / (ohw * rows);                   \
            i64 yy = (o / g.ow) * g.sh + (r / g.kw) * g.dh - g.ph;                         \
            i64 xx = (o % g.ow) * g.sw + (r % g.kw) * g.dw - g.pw;                         \
            bool in = yy >= 0 && yy < g.h && xx >= 0 && xx < g.w;                          \
            y[i] = in ? x[(p * g.h + yy) * g.w + xx] : (T)0;                               \
        }                                                                                  \
    }                                                                                      \
    extern "C" __global__ void col2im_##name(const T* cols, Win g, T* y, i64 total) {      \
        i64 ohw = g.oh * g.ow, rows = g.kh * g.kw;                                         \
        GRID_STRIDE(i, total) {                                                            \
            i64 xx = i % g.w, yy = (i / g.w) % g.h, p = i / (g.w * g.h);                   \
            T acc = 0;                                                                     \
            for (i64 ky = 0; ky < g.kh; ++ky) {                                            \
                i64 ty = yy + g.ph - ky * g.dh;                                            \
                if (ty < 0 || ty % g.sh != 0 || ty / g.sh >= g.oh) continue;               \
                for (i64 kx = 0; kx < g.kw; ++kx) {                                        \
                    i64 tx = xx + g.pw - kx * g.dw;                                        \
                    if (tx < 0 || tx % g.sw != 0 || tx / g.sw >= g.ow) continue;           \
                    acc += cols[(p * rows + ky * g.kw + kx) * ohw + (ty / g.sh) * g.ow + tx / g.sw];\
                }                                                                          \
            }                                                                              \
            y[i] = acc;                                                                    \
        }                                                                                  \
    }
CONV(f32, float)
CONV(f64, double)
