// Package mathx holds number helpers the scoring and the encoders share.
package mathx

import "math"

// Round is math.Round (half away from zero), bit for bit, built on
// math.Trunc, which the compiler turns into one instruction on amd64
// where math.Round is a function of some twenty: scoring rounds a
// readiness at every look at a plan, and the encoders every number they
// write.
func Round(x float64) float64 {
	t := math.Trunc(x)
	// x-t is exact: the part of x below the units, which a float64 holds
	// as it is. Inf-Inf is NaN, which is not >= 0.5: Inf stays as it is.
	if math.Abs(x-t) >= 0.5 {
		return t + math.Copysign(1, x)
	}
	return t
}
