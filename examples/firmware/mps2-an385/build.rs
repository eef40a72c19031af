fn main() {
    board_build::board();
}
