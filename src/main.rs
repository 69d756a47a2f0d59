fn main() {
    clausebook::platform::crash::install();
    clausebook::app::boot::start();
}
