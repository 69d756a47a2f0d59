fn main() {
    clausebook::crash::install();
    clausebook::ui::boot::start();
}
