//! Several images in one program: two `include_python!` images and the build.rs corpus images
//! coexist in one binary; identifiers from different images compare equal (qstr identity).

use frostbyte_tests::Capture;
use std::mem::MaybeUninit;

static ALPHA: &frostbyte::Image = frostbyte::include_python!("../fixtures/multi_a/alpha.py");
static BETA: &frostbyte::Image = frostbyte::include_python!("../fixtures/multi_b/beta.py");

#[test]
fn identifiers_compare_equal_across_images() {
    let mut mem = vec![MaybeUninit::<u8>::uninit(); 1 << 20];
    let mut out = Capture::default();
    let mut vm = frostbyte::Vm::new(&mut mem, &mut out);
    vm.add_image(ALPHA).unwrap();
    vm.add_image(BETA).unwrap();
    // A build.rs image in the same VM too.
    vm.add_image(frostbyte_tests::case("int_compare").unwrap().image.unwrap()).unwrap();
    let r = vm.run_main("alpha");
    let failed = r.is_err();
    if let Err(e) = r {
        let mut tb = Capture::default();
        vm.print_exception_to(&e, &mut tb);
        panic!("alpha failed:\n{}{}", out.0, tb.0);
    }
    assert!(!failed);
    assert_eq!(out.0, "3\n42\n42 False\nTrue True\n['shared_identifier', 'zeta_key']\n");
}

#[test]
fn images_carry_the_format_version() {
    assert_eq!(ALPHA.version, frostbyte::FORMAT_VERSION);
    assert_eq!(BETA.modules.len(), 1);
}
