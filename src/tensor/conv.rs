//! Convolution and pooling over NCHW images: conv1d/conv2d (im2col + a batched matmul),
//! conv_transpose2d (matmul + col2im), max/avg/adaptive pooling, interpolate, unfold, fold.
//! A 3-D (unbatched C×H×W) input is accepted wherever PyTorch accepts one.

use super::Tensor;
use crate::backend::{Pool2d, Window2d};
use crate::types::{join, DType, Error, Result, Scalar};

/// Padding of a convolution: explicit sizes or PyTorch's 'same' / 'valid'.
#[derive(Clone, Debug, PartialEq)]
pub enum Padding {
    Explicit([usize; 2]),
    Same,
    Valid,
}

/// An average pool along one axis as a `[n, len]` matrix: row `i` holds `1 / divisor` over
/// the inputs `window(i) = (start, end, divisor)` covers.
fn pool_matrix(
    n: usize,
    len: usize,
    dtype: DType,
    window: impl Fn(usize) -> (usize, usize, f64),
) -> Result<Tensor> {
    let mut m = vec![0.0; n * len];
    for i in 0..n {
        let (lo, hi, div) = window(i);
        for v in &mut m[i * len + lo.min(len)..i * len + hi.min(len)] {
            *v = 1.0 / div;
        }
    }
    Tensor::from_f64s(m, &[n, len], dtype)
}

/// Options of `conv2d` (sizes per spatial dimension, height then width).
#[derive(Clone, Debug)]
pub struct ConvOpts {
    pub stride: [usize; 2],
    pub padding: Padding,
    pub dilation: [usize; 2],
    pub groups: usize,
}

impl Default for ConvOpts {
    fn default() -> Self {
        ConvOpts {
            stride: [1, 1],
            padding: Padding::Explicit([0, 0]),
            dilation: [1, 1],
            groups: 1,
        }
    }
}

/// Options of `max_pool2d` / `avg_pool2d`.
#[derive(Clone, Debug)]
pub struct PoolOpts {
    pub kernel: [usize; 2],
    pub stride: [usize; 2],
    pub padding: [usize; 2],
    pub dilation: [usize; 2],
    pub ceil_mode: bool,
}

use super::graph::{self, GradFn};
use crate::backend::Window2d as W;

fn out_size(input: usize, k: usize, s: usize, p: usize, d: usize, ceil: bool) -> Option<usize> {
    W::out_size(input, k, s, p, d, ceil)
}

/// Makes an input 4-D (adding a batch of one to C×H×W), remembering to drop it after.
fn batched(op: &'static str, x: &Tensor) -> Result<(Tensor, bool)> {
    match x.dim() {
        4 => Ok((x.packed()?, false)),
        3 => Ok((x.unsqueeze(0)?.packed()?, true)),
        _ => Err(Error::invalid(
            op,
            format!(
            "Expected 3D (unbatched) or 4D (batched) input to {op}, but got input of size: [{}]",
            join(x.shape())
        ),
        )),
    }
}

fn unbatch(t: Tensor, was: bool) -> Result<Tensor> {
    if was {
        t.squeeze(Some(&[0]))
    } else {
        Ok(t)
    }
}

fn float_check(op: &'static str, x: &Tensor) -> Result<()> {
    if !x.dtype().is_float() {
        return Err(Error::DTypeUnsupported {
            op,
            dtype: x.dtype(),
        });
    }
    Ok(())
}

impl Tensor {
    /// `F.conv2d(input, weight, bias, stride, padding, dilation, groups)`.
    fn conv2d_raw(&self, weight: &Tensor, bias: Option<&Tensor>, o: &ConvOpts) -> Result<Tensor> {
        let (x, was) = batched("conv2d", self)?;
        if weight.dim() != 4 {
            return Err(Error::invalid(
                "conv2d",
                format!(
                    "weight should have at least three dimensions, got a {}-D weight of size [{}]",
                    weight.dim(),
                    join(weight.shape())
                ),
            ));
        }
        if x.dtype() != weight.dtype() {
            return Err(Error::invalid(
                "conv2d",
                format!(
                    "Input type ({}) and weight type ({}) should be the same",
                    x.dtype().cpp_name(),
                    weight.dtype().cpp_name()
                ),
            ));
        }
        float_check("slow_conv2d_cpu", &x)?;
        let (n, c, h, w) = (x.shape()[0], x.shape()[1], x.shape()[2], x.shape()[3]);
        let (oc, cg, kh, kw) = (
            weight.shape()[0],
            weight.shape()[1],
            weight.shape()[2],
            weight.shape()[3],
        );
        let g = o.groups.max(1);
        if cg * g != c {
            return Err(Error::invalid("conv2d", format!(
                "Given groups={g}, weight of size [{}], expected input[{}] to have {} channels, but got {c} channels instead",
                join(weight.shape()), join(x.shape()), cg * g
            )));
        }
        if oc % g != 0 {
            return Err(Error::invalid("conv2d", format!(
                "Given groups={g}, expected weight to be divisible by {g} at dimension 0, but got weight of size [{}] instead",
                join(weight.shape())
            )));
        }
        let [dh, dw] = o.dilation;
        let [sh, sw] = o.stride;
        let (x, ph, pw) = match &o.padding {
            Padding::Explicit([ph, pw]) => (x, *ph, *pw),
            Padding::Valid => (x, 0, 0),
            Padding::Same => {
                if o.stride != [1, 1] {
                    return Err(Error::invalid(
                        "conv2d",
                        "padding='same' is not supported for strided convolutions",
                    ));
                }
                let (th, tw) = (dh * (kh - 1), dw * (kw - 1));
                // An odd total pads one more on the bottom/right, as PyTorch does.
                let x = if th % 2 == 1 || tw % 2 == 1 {
                    x.pad(&[0, (tw % 2) as i64, 0, (th % 2) as i64], "constant", 0.0)?
                        .contiguous()?
                } else {
                    x
                };
                (x, th / 2, tw / 2)
            }
        };
        let (h2, w2) = (x.shape()[2], x.shape()[3]);
        let (Some(oh), Some(ow)) = (
            out_size(h2, kh, sh, ph, dh, false),
            out_size(w2, kw, sw, pw, dw, false),
        ) else {
            return Err(Error::invalid("conv2d", format!(
                "Calculated padded input size per channel: ({} x {}). Kernel size: ({} x {}). Kernel size can't be greater than actual input size",
                h + 2 * ph, w + 2 * pw, dh * (kh - 1) + 1, dw * (kw - 1) + 1
            )));
        };
        let win = Window2d {
            n,
            c,
            h: h2,
            w: w2,
            kh,
            kw,
            sh,
            sw,
            ph,
            pw,
            dh,
            dw,
            oh,
            ow,
        };
        let cols = Tensor::from_storage(x.read().im2col(&win)?, &[n, c * kh * kw, oh * ow]);
        let k = (cg * kh * kw) as i64;
        let l = (oh * ow) as i64;
        let wm = weight.reshape(&[1, g as i64, (oc / g) as i64, k])?;
        let out = wm.matmul(&cols.reshape(&[n as i64, g as i64, k, l])?)?;
        let mut out = out.reshape(&[n as i64, oc as i64, oh as i64, ow as i64])?;
        if let Some(b) = bias {
            out = out.add(&b.reshape(&[1, oc as i64, 1, 1])?)?;
        }
        let out = unbatch(out, was)?;
        Ok(graph::rename(&out, &[self, weight], "ConvolutionBackward0"))
    }

    /// `F.conv1d(input, weight, bias, stride, padding, dilation, groups)` on N×C×L.
    fn conv1d_raw(
        &self,
        weight: &Tensor,
        bias: Option<&Tensor>,
        stride: usize,
        padding: Padding,
        dilation: usize,
        groups: usize,
    ) -> Result<Tensor> {
        let unb = self.dim() == 2;
        let x = if unb {
            self.unsqueeze(0)?
        } else {
            self.clone()
        };
        if x.dim() != 3 || weight.dim() != 3 {
            return Err(Error::invalid("conv1d", format!(
                "Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: [{}]",
                join(self.shape())
            )));
        }
        let padding = match padding {
            Padding::Explicit([p, _]) => Padding::Explicit([0, p]),
            p => p,
        };
        let o = ConvOpts {
            stride: [1, stride],
            padding,
            dilation: [1, dilation],
            groups,
        };
        let r = x
            .unsqueeze(2)?
            .conv2d(&weight.unsqueeze(2)?, bias, &o)?
            .squeeze(Some(&[2]))?;
        if unb {
            r.squeeze(Some(&[0]))
        } else {
            Ok(r)
        }
    }

    /// `F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups,
    /// dilation)`; weight is `[C_in, C_out / groups, kh, kw]`.
    #[allow(clippy::too_many_arguments)]
    pub fn conv_transpose2d(
        &self,
        weight: &Tensor,
        bias: Option<&Tensor>,
        stride: [usize; 2],
        padding: [usize; 2],
        output_padding: [usize; 2],
        groups: usize,
        dilation: [usize; 2],
    ) -> Result<Tensor> {
        let (x, was) = batched("conv_transpose2d", self)?;
        float_check("slow_conv_transpose2d_cpu", &x)?;
        if weight.dim() != 4 || x.dtype() != weight.dtype() {
            return Err(Error::invalid(
                "conv_transpose2d",
                "weight must be a 4-D tensor of the input's dtype",
            ));
        }
        let (n, c, h, w) = (x.shape()[0], x.shape()[1], x.shape()[2], x.shape()[3]);
        let (ci, ocg, kh, kw) = (
            weight.shape()[0],
            weight.shape()[1],
            weight.shape()[2],
            weight.shape()[3],
        );
        let g = groups.max(1);
        if ci != c || c % g != 0 {
            return Err(Error::invalid("conv_transpose2d", format!(
                "Given transposed=1, weight of size [{}], expected input[{}] to have {} channels, but got {c} channels instead",
                join(weight.shape()), join(x.shape()), ci
            )));
        }
        for k in 0..2 {
            if output_padding[k] >= stride[k].max(dilation[k]) {
                return Err(Error::invalid(
                    "conv_transpose2d",
                    "output padding must be smaller than either stride or dilation",
                ));
            }
        }
        let size = |i: usize, k: usize, d: usize| -> Result<usize> {
            let v = (i as i64 - 1) * stride[d] as i64 - 2 * padding[d] as i64
                + (dilation[d] * (k - 1)) as i64
                + output_padding[d] as i64
                + 1;
            if v < 1 {
                return Err(Error::invalid(
                    "conv_transpose2d",
                    "the output size would be less than 1",
                ));
            }
            Ok(v as usize)
        };
        let (oh, ow) = (size(h, kh, 0)?, size(w, kw, 1)?);
        let oc = ocg * g;
        let cgi = (c / g) as i64;
        let kk = (ocg * kh * kw) as i64;
        // cols[n, g] = W[g]^T @ x[n, g]: [ocg·kh·kw, h·w] per group.
        let wt = weight.reshape(&[1, g as i64, cgi, kk])?.transpose(-1, -2)?;
        let xs = x.reshape(&[n as i64, g as i64, cgi, (h * w) as i64])?;
        let cols = wt
            .matmul(&xs)?
            .reshape(&[n as i64, oc as i64 * (kh * kw) as i64, (h * w) as i64])?
            .contiguous()?;
        let win = Window2d {
            n,
            c: oc,
            h: oh,
            w: ow,
            kh,
            kw,
            sh: stride[0],
            sw: stride[1],
            ph: padding[0],
            pw: padding[1],
            dh: dilation[0],
            dw: dilation[1],
            oh: h,
            ow: w,
        };
        let recording = graph::records(&[Some(self), Some(weight), bias]);
        let mut out = if recording && (0..2).all(|k| output_padding[k] < stride[k]) {
            // Recorded as its parts (a matmul and a fold), which autograd differentiates.
            cols.fold_col2im([oh, ow], [kh, kw], dilation, padding, stride)?
        } else {
            graph::not_differentiable(
                "conv_transpose2d with output_padding ≥ stride",
                &[Some(self), Some(weight)],
            )?;
            Tensor::from_storage(cols.read().col2im(&win)?, &[n, oc, oh, ow])
        };
        if let Some(b) = bias {
            out = out.add(&b.reshape(&[1, oc as i64, 1, 1])?)?;
        }
        let out = unbatch(out, was)?;
        Ok(graph::rename(&out, &[self, weight], "ConvolutionBackward0"))
    }

    fn pool_window(&self, op: &'static str, o: &PoolOpts, x: &Tensor) -> Result<Window2d> {
        let (n, c, h, w) = (x.shape()[0], x.shape()[1], x.shape()[2], x.shape()[3]);
        let [kh, kw] = o.kernel;
        for k in 0..2 {
            let eff = o.dilation[k] * (o.kernel[k].max(1) - 1) + 1;
            if o.padding[k] * 2 > eff {
                return Err(Error::invalid(op, format!(
                    "pad should be at most half of effective kernel size, but got pad={}, kernel_size={} and dilation={}",
                    o.padding[k], o.kernel[k], o.dilation[k]
                )));
            }
            if o.kernel[k] == 0 || o.stride[k] == 0 {
                return Err(Error::invalid(
                    op,
                    "kernel size and stride should be greater than zero",
                ));
            }
        }
        let oh = out_size(h, kh, o.stride[0], o.padding[0], o.dilation[0], o.ceil_mode);
        let ow = out_size(w, kw, o.stride[1], o.padding[1], o.dilation[1], o.ceil_mode);
        let (Some(oh), Some(ow)) = (oh, ow) else {
            return Err(Error::invalid(op, format!(
                "Given input size: ({c}x{h}x{w}). Calculated output size: ({c}x0x0). Output size is too small"
            )));
        };
        Ok(Window2d {
            n,
            c,
            h,
            w,
            kh,
            kw,
            sh: o.stride[0],
            sw: o.stride[1],
            ph: o.padding[0],
            pw: o.padding[1],
            dh: o.dilation[0],
            dw: o.dilation[1],
            oh,
            ow,
        })
    }

    fn run_pool(
        &self,
        op: &'static str,
        o: &PoolOpts,
        kind: Pool2d,
    ) -> Result<(Tensor, Option<Tensor>)> {
        let (x, was) = batched(op, self)?;
        float_check(op, &x)?;
        let win = self.pool_window(op, o, &x)?;
        let (v, i) = x.read().pool2d(&win, kind)?;
        let shape = [win.n, win.c, win.oh, win.ow];
        let v = unbatch(Tensor::from_storage(v, &shape), was)?;
        let i = i
            .map(|i| unbatch(Tensor::from_storage(i, &shape), was))
            .transpose()?;
        Ok((v, i))
    }

    /// `F.max_pool2d(x, kernel_size, stride, padding, dilation, ceil_mode)`: values and
    /// (for `return_indices=True`) positions within each H×W plane.
    fn max_pool2d_raw(&self, o: &PoolOpts) -> Result<(Tensor, Tensor)> {
        let (v, i) = self.run_pool("max_pool2d", o, Pool2d::Max)?;
        Ok((
            v,
            i.ok_or_else(|| Error::invalid("max_pool2d", "no indices"))?,
        ))
    }

    /// `F.avg_pool2d(x, kernel_size, stride, padding, ceil_mode, count_include_pad,
    /// divisor_override)`.
    pub fn avg_pool2d(
        &self,
        o: &PoolOpts,
        count_include_pad: bool,
        divisor_override: Option<usize>,
    ) -> Result<Tensor> {
        if divisor_override == Some(0) {
            return Err(Error::invalid("avg_pool2d", "divisor must be not zero"));
        }
        let out = graph::no_grad(|| {
            self.run_pool(
                "avg_pool2d",
                o,
                Pool2d::Avg {
                    count_include_pad,
                    divisor_override,
                },
            )
        })?
        .0;
        if graph::records(&[Some(self)]) {
            // Each axis: window i covers [i·s − p, i·s − p + k) clipped to the padded input
            // for PyTorch's pool size, to the input for the elements it reads.
            let axis = |d: usize| {
                let (size, n) = (
                    self.shape()[self.dim() - 2 + d],
                    out.shape()[out.dim() - 2 + d],
                );
                let (k, st, p) = (o.kernel[d] as i64, o.stride[d] as i64, o.padding[d] as i64);
                pool_matrix(n, size, self.dtype(), |i| {
                    let hs = i as i64 * st - p;
                    let he = (hs + k).min(size as i64 + p);
                    let (lo, hi) = (hs.max(0), he.min(size as i64));
                    let div = match divisor_override {
                        Some(v) if d == 0 => v as f64,
                        Some(_) => 1.0,
                        None if count_include_pad => (he - hs) as f64,
                        None => (hi - lo) as f64,
                    };
                    (lo.max(0) as usize, hi.max(lo).max(0) as usize, div)
                })
            };
            let (ah, aw) = (axis(0)?, axis(1)?);
            graph::record(&[&out], &[Some(self)], |r, _| GradFn::AvgPool {
                ah: r.save(&ah),
                aw: r.save(&aw),
                adaptive: false,
            });
        }
        Ok(out)
    }

    fn adaptive(
        &self,
        op: &'static str,
        size: [Option<usize>; 2],
        kind: Pool2d,
    ) -> Result<(Tensor, Option<Tensor>)> {
        let (x, was) = batched(op, self)?;
        float_check(op, &x)?;
        let (n, c, h, w) = (x.shape()[0], x.shape()[1], x.shape()[2], x.shape()[3]);
        let (oh, ow) = (size[0].unwrap_or(h), size[1].unwrap_or(w));
        if oh == 0 || ow == 0 || h == 0 || w == 0 {
            return Err(Error::invalid(op, format!("{op}(): Expected input to have non-zero size for non-batch dimensions, but input has sizes [{}]", join(self.shape()))));
        }
        let win = Window2d {
            n,
            c,
            h,
            w,
            kh: 1,
            kw: 1,
            sh: 1,
            sw: 1,
            ph: 0,
            pw: 0,
            dh: 1,
            dw: 1,
            oh,
            ow,
        };
        let (v, i) = x.read().pool2d(&win, kind)?;
        let shape = [n, c, oh, ow];
        let v = unbatch(Tensor::from_storage(v, &shape), was)?;
        let i = i
            .map(|i| unbatch(Tensor::from_storage(i, &shape), was))
            .transpose()?;
        Ok((v, i))
    }

    /// `F.adaptive_avg_pool2d(x, output_size)` (None keeps that input size).
    pub fn adaptive_avg_pool2d(&self, size: [Option<usize>; 2]) -> Result<Tensor> {
        let out =
            graph::no_grad(|| self.adaptive("adaptive_avg_pool2d", size, Pool2d::AdaptiveAvg))?.0;
        if !graph::records(&[Some(self)]) {
            return Ok(out);
        }
        let nd = self.dim();
        let (oh, ow) = (out.shape()[nd - 2], out.shape()[nd - 1]);
        if (oh, ow) == (1, 1) {
            // PyTorch takes the mean here (MeanBackward1).
            return self.mean(Some(&[-2, -1]), true, None);
        }
        // Window i of n over `len` inputs: [⌊i·len/n⌋, ⌈(i+1)·len/n⌉).
        let axis = |n: usize, len: usize| {
            pool_matrix(n, len, self.dtype(), |i| {
                let (lo, hi) = (i * len / n, ((i + 1) * len).div_ceil(n));
                (lo, hi, (hi - lo) as f64)
            })
        };
        let (ah, aw) = (
            axis(oh, self.shape()[nd - 2])?,
            axis(ow, self.shape()[nd - 1])?,
        );
        graph::record(&[&out], &[Some(self)], |r, _| GradFn::AvgPool {
            ah: r.save(&ah),
            aw: r.save(&aw),
            adaptive: true,
        });
        Ok(out)
    }

    /// `F.adaptive_max_pool2d(x, output_size)`: values and positions.
    fn adaptive_max_pool2d_raw(&self, size: [Option<usize>; 2]) -> Result<(Tensor, Tensor)> {
        let (v, i) = self.adaptive("adaptive_max_pool2d", size, Pool2d::AdaptiveMax)?;
        Ok((
            v,
            i.ok_or_else(|| Error::invalid("adaptive_max_pool2d", "no indices"))?,
        ))
    }

    /// `F.unfold(x, kernel_size, dilation, padding, stride)`: `[N, C·kh·kw, L]`.
    pub fn unfold_im2col(
        &self,
        kernel: [usize; 2],
        dilation: [usize; 2],
        padding: [usize; 2],
        stride: [usize; 2],
    ) -> Result<Tensor> {
        let nd = self.dim();
        graph::op(
            &[Some(self)],
            || self.unfold_im2col_raw(kernel, dilation, padding, stride),
            |_, _| GradFn::Im2col {
                size: [self.shape()[nd - 2], self.shape()[nd - 1]],
                kernel,
                dilation,
                padding,
                stride,
            },
        )
    }

    /// `F.fold(x, output_size, kernel_size, dilation, padding, stride)`: sums the blocks back.
    pub fn fold_col2im(
        &self,
        output: [usize; 2],
        kernel: [usize; 2],
        dilation: [usize; 2],
        padding: [usize; 2],
        stride: [usize; 2],
    ) -> Result<Tensor> {
        graph::op(
            &[Some(self)],
            || self.fold_col2im_raw(output, kernel, dilation, padding, stride),
            |_, _| GradFn::Col2im {
                kernel,
                dilation,
                padding,
                stride,
            },
        )
    }

    fn unfold_im2col_raw(
        &self,
        kernel: [usize; 2],
        dilation: [usize; 2],
        padding: [usize; 2],
        stride: [usize; 2],
    ) -> Result<Tensor> {
        let (x, was) = batched("unfold", self)?;
        float_check("im2col", &x)?;
        let o = PoolOpts {
            kernel,
            stride,
            padding: [0, 0],
            dilation,
            ceil_mode: false,
        };
        let (n, c, h, w) = (x.shape()[0], x.shape()[1], x.shape()[2], x.shape()[3]);
        let oh = out_size(h, kernel[0], stride[0], padding[0], dilation[0], false);
        let ow = out_size(w, kernel[1], stride[1], padding[1], dilation[1], false);
        let (Some(oh), Some(ow)) = (oh, ow) else {
            return Err(Error::invalid("unfold", format!(
                "Given input with spatial size ({h}, {w}), kernel_size=({}, {}), dilation=({}, {}), padding=({}, {}), calculated shape of the array of sliding blocks as ({}, {}), but its components must be at least one.",
                kernel[0], kernel[1], dilation[0], dilation[1], padding[0], padding[1],
                ((h + 2 * padding[0]) as i64 - (dilation[0] * (kernel[0] - 1)) as i64 - 1) / stride[0] as i64 + 1,
                ((w + 2 * padding[1]) as i64 - (dilation[1] * (kernel[1] - 1)) as i64 - 1) / stride[1] as i64 + 1
            )));
        };
        let _ = o;
        let win = Window2d {
            n,
            c,
            h,
            w,
            kh: kernel[0],
            kw: kernel[1],
            sh: stride[0],
            sw: stride[1],
            ph: padding[0],
            pw: padding[1],
            dh: dilation[0],
            dw: dilation[1],
            oh,
            ow,
        };
        let r = Tensor::from_storage(
            x.read().im2col(&win)?,
            &[n, c * kernel[0] * kernel[1], oh * ow],
        );
        unbatch(r, was)
    }

    fn fold_col2im_raw(
        &self,
        output: [usize; 2],
        kernel: [usize; 2],
        dilation: [usize; 2],
        padding: [usize; 2],
        stride: [usize; 2],
    ) -> Result<Tensor> {
        let unb = self.dim() == 2;
        let x = if unb {
            self.unsqueeze(0)?
        } else {
            self.clone()
        }
        .packed()?;
        float_check("col2im", &x)?;
        if x.dim() != 3 {
            return Err(Error::invalid("fold", format!("Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero dimensions for input, but got: [{}]", join(self.shape()))));
        }
        let (n, ck, l) = (x.shape()[0], x.shape()[1], x.shape()[2]);
        let kk = kernel[0] * kernel[1];
        if kk == 0 || ck % kk != 0 {
            return Err(Error::invalid("fold", format!(
                "Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got input.size(1)={ck} and kernel_size=({}, {})",
                kernel[0], kernel[1]
            )));
        }
        let oh = out_size(
            output[0],
            kernel[0],
            stride[0],
            padding[0],
            dilation[0],
            false,
        )
        .unwrap_or(0);
        let ow = out_size(
            output[1],
            kernel[1],
            stride[1],
            padding[1],
            dilation[1],
            false,
        )
        .unwrap_or(0);
        if oh * ow != l {
            return Err(Error::invalid("fold", format!(
                "Given output_size=({}, {}), kernel_size=({}, {}), dilation=({}, {}), padding=({}, {}), stride=({}, {}), expected size of input's dimension 2 to match the calculated number of sliding blocks {oh} * {ow} = {}, but got input.size(2)={l}.",
                output[0], output[1], kernel[0], kernel[1], dilation[0], dilation[1], padding[0], padding[1], stride[0], stride[1], oh * ow
            )));
        }
        let c = ck / kk;
        let win = Window2d {
            n,
            c,
            h: output[0],
            w: output[1],
            kh: kernel[0],
            kw: kernel[1],
            sh: stride[0],
            sw: stride[1],
            ph: padding[0],
            pw: padding[1],
            dh: dilation[0],
            dw: dilation[1],
            oh,
            ow,
        };
        let r = Tensor::from_storage(x.read().col2im(&win)?, &[n, c, output[0], output[1]]);
        if unb {
            r.squeeze(Some(&[0]))
        } else {
            Ok(r)
        }
    }

    /// `F.interpolate(x, size, scale_factor, mode, align_corners)` for 'nearest' (3-D and
    /// 4-D input) and 'bilinear' / 'linear'.
    fn interpolate_composed(
        &self,
        size: Option<&[usize]>,
        scale: Option<&[f64]>,
        mode: &str,
        align_corners: Option<bool>,
    ) -> Result<Tensor> {
        let sp = self.dim().saturating_sub(2);
        if sp == 0 || sp > 2 {
            return Err(Error::invalid("interpolate", format!(
                "Input Error: Only 3D, 4D and 5D input Tensors supported (got {}D) for the modes: nearest | linear | bilinear | bicubic | trilinear | area | nearest-exact (got {mode})",
                self.dim()
            )));
        }
        if !self.dtype().is_float() && mode != "nearest" {
            return Err(Error::DTypeUnsupported {
                op: "upsample_bilinear2d_out_frame",
                dtype: self.dtype(),
            });
        }
        let want = match mode {
            "nearest" => sp,
            "linear" => 1,
            "bilinear" => 2,
            m => return Err(Error::invalid("interpolate", format!("nabla's interpolate supports mode 'nearest', 'linear' and 'bilinear', not '{m}'"))),
        };
        if want != sp {
            return Err(Error::invalid(
                "interpolate",
                format!(
                    "Got {}D input, but {mode} mode needs {}D input",
                    self.dim(),
                    want + 2
                ),
            ));
        }
        if mode == "nearest" && align_corners.is_some() {
            return Err(Error::invalid("interpolate", "align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear"));
        }
        let mut out = self.clone();
        for k in 0..sp {
            let d = 2 + k;
            let inp = self.shape()[d];
            let (o, s) = match (size, scale) {
                (Some(sz), None) => (sz[if sz.len() == 1 { 0 } else { k }], None),
                (None, Some(sc)) => {
                    let f = sc[if sc.len() == 1 { 0 } else { k }];
                    ((inp as f64 * f).floor() as usize, Some(1.0 / f))
                }
                _ => {
                    return Err(Error::invalid(
                        "interpolate",
                        "only one of size or scale_factor should be defined",
                    ))
                }
            };
            if o == 0 {
                return Err(Error::invalid("interpolate", format!("Input and output sizes should be greater than 0, but got input ({inp}) and output ({o})")));
            }
            let ratio = s.unwrap_or(inp as f64 / o as f64);
            if mode == "nearest" {
                let idx: Vec<i64> = (0..o)
                    .map(|i| ((i as f64 * ratio).floor() as i64).min(inp as i64 - 1))
                    .collect();
                out = out.index_select(d as i64, &Tensor::from_slice(&idx, &[o])?)?;
                continue;
            }
            let ac = align_corners.unwrap_or(false);
            let src: Vec<f64> = (0..o)
                .map(|i| {
                    if ac {
                        if o > 1 {
                            i as f64 * (inp as f64 - 1.0) / (o as f64 - 1.0)
                        } else {
                            0.0
                        }
                    } else {
                        ((i as f64 + 0.5) * ratio - 0.5).max(0.0)
                    }
                })
                .collect();
            let i0: Vec<i64> = src
                .iter()
                .map(|&v| (v.floor() as i64).min(inp as i64 - 1))
                .collect();
            let i1: Vec<i64> = i0.iter().map(|&v| (v + 1).min(inp as i64 - 1)).collect();
            let lam: Vec<f64> = src.iter().zip(&i0).map(|(&v, &f)| v - f as f64).collect();
            let a = out.index_select(d as i64, &Tensor::from_slice(&i0, &[o])?)?;
            let b = out.index_select(d as i64, &Tensor::from_slice(&i1, &[o])?)?;
            let mut shape = vec![1i64; self.dim()];
            shape[d] = o as i64;
            let l = Tensor::from_slice(&lam, &[o])?
                .to_dtype(self.dtype())?
                .reshape(&shape)?;
            let one_minus = l.neg()?.add(1.0)?;
            out = a.mul(&one_minus)?.add(&b.mul(&l)?)?;
        }
        if self.dtype() != out.dtype() {
            out = out.to_dtype(self.dtype())?;
        }
        let _ = (DType::F32, Scalar::Int(0));
        Ok(out)
    }

    /// Autograd names the node as PyTorch does (see `graph::rename`).
    pub fn interpolate(
        &self,
        size: Option<&[usize]>,
        scale: Option<&[f64]>,
        mode: &str,
        align_corners: Option<bool>,
    ) -> Result<Tensor> {
        let out = self.interpolate_composed(size, scale, mode, align_corners)?;
        let name = match (mode, self.dim()) {
            ("nearest", 3) => "UpsampleNearest1DBackward0",
            ("nearest", _) => "UpsampleNearest2DBackward0",
            ("linear", _) => "UpsampleLinear1DBackward0",
            _ => "UpsampleBilinear2DBackward0",
        };
        Ok(graph::rename(&out, &[self], name))
    }
}

/// Convolutions and max pools as autograd records them.
impl Tensor {
    /// `F.conv2d(input, weight, bias, stride, padding, dilation, groups)`.
    pub fn conv2d(&self, weight: &Tensor, bias: Option<&Tensor>, o: &ConvOpts) -> Result<Tensor> {
        let k = [
            weight.shape().get(2).copied().unwrap_or(1),
            weight.shape().get(3).copied().unwrap_or(1),
        ];
        let (padding, pad_extra) = conv_padding(&o.padding, k, o.dilation);
        graph::op(
            &[Some(self), Some(weight), bias],
            || self.conv2d_raw(weight, bias, o),
            |r, _| GradFn::Conv {
                x: r.save(self),
                w: r.save(weight),
                stride: o.stride,
                padding,
                dilation: o.dilation,
                groups: o.groups.max(1),
                pad_extra,
                one_d: false,
            },
        )
    }

    /// `F.conv1d(input, weight, bias, stride, padding, dilation, groups)` on N×C×L.
    pub fn conv1d(
        &self,
        weight: &Tensor,
        bias: Option<&Tensor>,
        stride: usize,
        padding: Padding,
        dilation: usize,
        groups: usize,
    ) -> Result<Tensor> {
        let k = [1, weight.shape().get(2).copied().unwrap_or(1)];
        let p2 = match &padding {
            Padding::Explicit([p, _]) => Padding::Explicit([0, *p]),
            p => p.clone(),
        };
        let (pads, pad_extra) = conv_padding(&p2, k, [1, dilation]);
        graph::op(
            &[Some(self), Some(weight), bias],
            || self.conv1d_raw(weight, bias, stride, padding, dilation, groups),
            |r, _| GradFn::Conv {
                x: r.save(self),
                w: r.save(weight),
                stride: [1, stride],
                padding: pads,
                dilation: [1, dilation],
                groups: groups.max(1),
                pad_extra,
                one_d: true,
            },
        )
    }

    /// Records a max pool's values as reads of the input at the indices it chose.
    fn pooled(&self, name: &'static str, vi: (Tensor, Tensor)) -> Result<(Tensor, Tensor)> {
        if !graph::records(&[Some(self)]) {
            return Ok(vi);
        }
        let (v, i) = vi;
        let offsets = graph::no_grad(|| -> Result<Tensor> {
            let nd = self.dim();
            let plane = self.shape()[nd - 2] * self.shape()[nd - 1];
            let (oh, ow) = (v.shape()[nd - 2], v.shape()[nd - 1]);
            let planes = v.numel() / (oh * ow).max(1);
            let base = Tensor::arange(
                crate::types::Scalar::Int(0),
                crate::types::Scalar::Int((planes * plane) as i64),
                crate::types::Scalar::Int(plane.max(1) as i64),
                Some(crate::types::DType::I64),
            )?
            .reshape(&[planes as i64, 1, 1])?;
            let shape: Vec<i64> = v.shape().iter().map(|&d| d as i64).collect();
            base.add(&i.reshape(&[planes as i64, oh as i64, ow as i64])?)?
                .reshape(&shape)
        })?;
        graph::record(&[&v], &[Some(self)], |r, _| GradFn::Take {
            name,
            offsets: r.save(&offsets),
        });
        Ok((v, i))
    }

    /// `F.max_pool2d(x, …, return_indices=True)`: values and flat indices per plane.
    pub fn max_pool2d(&self, o: &PoolOpts) -> Result<(Tensor, Tensor)> {
        let vi = graph::no_grad(|| self.max_pool2d_raw(o))?;
        self.pooled("MaxPool2DWithIndicesBackward0", vi)
    }

    /// `F.adaptive_max_pool2d(x, size, return_indices=True)`.
    pub fn adaptive_max_pool2d(&self, size: [Option<usize>; 2]) -> Result<(Tensor, Tensor)> {
        let vi = graph::no_grad(|| self.adaptive_max_pool2d_raw(size))?;
        self.pooled("AdaptiveMaxPool2DBackward0", vi)
    }
}

/// The symmetric padding a convolution applies, and the extra bottom/right padding of an
/// odd 'same' total.
fn conv_padding(p: &Padding, k: [usize; 2], d: [usize; 2]) -> ([usize; 2], [usize; 2]) {
    match p {
        Padding::Explicit(p) => (*p, [0, 0]),
        Padding::Valid => ([0, 0], [0, 0]),
        Padding::Same => {
            let t = [d[0] * (k[0].max(1) - 1), d[1] * (k[1].max(1) - 1)];
            ([t[0] / 2, t[1] / 2], [t[0] % 2, t[1] % 2])
        }
    }
}
