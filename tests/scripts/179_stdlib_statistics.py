import statistics
from statistics import StatisticsError

data = [2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]
ints = [1, 2, 3, 4, 4]
print(statistics.mean(data), statistics.mean(ints), statistics.mean([1, 2, 3]), statistics.mean([1, 2.5]))
print(statistics.mean([0.1, 0.2, 0.3]), statistics.mean([True, False, True, True]), statistics.mean([-1.5, 7]))
print(statistics.fmean(data), statistics.fmean(ints), statistics.fmean([3.5, 4.0, 5.25]))
print(statistics.fmean([85, 92, 83, 91], weights=[0.20, 0.20, 0.30, 0.30]))
print(statistics.median([1, 3, 5]), statistics.median([1, 3, 5, 7]), statistics.median([5, 1, 4, 2.5]))
print(statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]), statistics.median_low([1, 3, 5]), statistics.median_high([9]))
print(statistics.mode([1, 1, 2, 3, 3, 3, 3, 4]), statistics.mode(['red', 'blue', 'blue', 'red', 'green', 'red', 'red']))
print(statistics.mode([1, 2, 2, 1]), statistics.multimode('aabbbbccddddeeffffgg'), statistics.multimode([]), statistics.multimode([3]))
print(statistics.variance(data), statistics.variance(ints), statistics.variance([1, 2, 3]), statistics.variance([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]))
m = statistics.mean(data)
print(statistics.variance(data, m), statistics.pvariance(data), statistics.pvariance([1, 2, 3, 4]), statistics.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]))
print(statistics.pvariance([1, 2, 3, 4], 2.5), statistics.pvariance([2, 4, 4, 4, 5, 5, 7, 9]))
print(statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.stdev(ints), statistics.stdev([1, 2, 3]))
print(statistics.pstdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.pstdev([2, 4, 4, 4, 5, 5, 7, 9]), statistics.pstdev([5]))
print(statistics.stdev([0.1, 0.2, 0.3, 0.4]), statistics.pstdev([1e6 + 0.1, 1e6 + 0.2, 1e6 + 0.3]), statistics.variance([7, 7, 7]))
scores = [105, 129, 87, 86, 111, 111, 89, 81, 108, 92, 110, 100, 75, 105, 103, 109, 76, 119, 99, 91, 103, 129,
          106, 101, 84, 111, 74, 87, 86, 103, 103, 106, 86, 111, 75, 87, 102, 121, 111, 88, 89, 101, 106, 95,
          103, 107, 101, 81, 109, 104]
print(statistics.quantiles(scores, n=10), statistics.quantiles(scores))
print(statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], n=4, method='inclusive'), statistics.quantiles([1.5, 2.5], n=3))
print(statistics.quantiles([3, 1], n=1), statistics.quantiles([0.5, 1.25, 2.0, 4.75], n=5, method='inclusive'))
vals = [0.1 * i for i in range(1, 21)]
print(statistics.mean(vals), statistics.fmean(vals), statistics.median(vals), statistics.variance(vals), statistics.stdev(vals))
print(statistics.pvariance(vals), statistics.pstdev(vals), statistics.quantiles(vals, n=4))
losses = [0.6931, 0.5123, 0.4410, 0.3987, 0.3521, 0.3301, 0.3112]
print(statistics.mean(losses), statistics.stdev(losses), statistics.median(losses))
print(isinstance(StatisticsError('x'), ValueError), StatisticsError.__name__)
for bad in (lambda: statistics.mean([]), lambda: statistics.fmean([]), lambda: statistics.median([]),
            lambda: statistics.median_low([]), lambda: statistics.median_high([]), lambda: statistics.mode([]),
            lambda: statistics.variance([1]), lambda: statistics.stdev([1]), lambda: statistics.pvariance([]),
            lambda: statistics.pstdev([]), lambda: statistics.quantiles([1]), lambda: statistics.quantiles([1, 2], n=0),
            lambda: statistics.quantiles([1, 2], method='odd'), lambda: statistics.mean(['a', 'b']),
            lambda: statistics.fmean([1, 2], weights=[1])):
    try:
        bad()
    except (StatisticsError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    statistics.mean([])
except ValueError as e:
    print('caught as ValueError:', e)
