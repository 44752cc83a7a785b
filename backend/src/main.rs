//! `qldv`: the server and its command line (the commands are in [`cli`]).

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
