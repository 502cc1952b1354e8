//! Entry point of the browser app. Trunk builds this for wasm32; on the host it does
//! nothing (the native tool is `mtfp`).

#[cfg(target_arch = "wasm32")]
fn main() {
    planner::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "planner-web is the browser app: build it with `trunk build`. The native tool is `mtfp`."
    );
}
