fn main() {
    clausebook::crash::install();
    leptos::mount::mount_to_body(clausebook::ui::App);
}
