;; The decoder of the module's inlined bytes (scripts/inline-wasm.mjs): the
;; Latin-1 text, written as UTF-8 into memory by TextEncoder.encodeInto, back
;; to one byte per character, XOR the key, in place from address 0.
;;
;; Why WebAssembly: the same loop in JS runs interpreted for most of the
;; module's 100,000+ characters before V8 optimizes it (measured: 5 to 8 ms
;; at import in Node 20), where TextEncoder and this function take about 2 ms.
;;
;; Every character is below U+0100, so its UTF-8 is one byte (below 0x80) or
;; two (0xC2 or 0xC3, then a continuation byte): the output never overtakes
;; the input. Assembled (and optimized) by binaryen's wasm-opt at build time.
(module
  (import "" "memory" (memory 1))
  ;; Decodes the `$length` bytes of UTF-8 at address 0; returns the number of bytes written.
  (func (export "latin1") (param $length i32) (param $key i32) (result i32)
    (local $in i32) (local $out i32) (local $c i32)
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $in) (local.get $length)))
        (local.set $c (i32.load8_u (local.get $in)))
        (if (i32.ge_u (local.get $c) (i32.const 0x80))
          (then
            (local.set $in (i32.add (local.get $in) (i32.const 1)))
            (local.set $c
              (i32.or
                (i32.shl (i32.and (local.get $c) (i32.const 0x1f)) (i32.const 6))
                (i32.and (i32.load8_u (local.get $in)) (i32.const 0x3f))))))
        (i32.store8 (local.get $out) (i32.xor (local.get $c) (local.get $key)))
        (local.set $in (i32.add (local.get $in) (i32.const 1)))
        (local.set $out (i32.add (local.get $out) (i32.const 1)))
        (br $next)))
    (local.get $out)))
