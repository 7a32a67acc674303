//! The harness itself: a reserved port stays taken until it is released to the child, a child
//! dies with the thread that started it, and a node of a failing test keeps its log.

use std::{
	net::TcpListener,
	os::unix::process::ExitStatusExt,
	panic::{catch_unwind, AssertUnwindSafe},
	path::PathBuf,
	process::Command,
	time::Duration,
};

use medchain_e2e::{dies_with_parent, wait_for, Node, Port};

#[test]
fn a_reserved_port_is_held_until_released() {
	let mut port = Port::reserve();
	assert!(TcpListener::bind(("127.0.0.1", port.number())).is_err(), "held while reserved");
	port.release();
	assert!(TcpListener::bind(("127.0.0.1", port.number())).is_ok(), "free once released");
	assert_ne!(Port::reserve().number(), port.number(), "never handed out twice");
}

#[test]
fn a_child_dies_with_the_thread_that_started_it() {
	let starter = std::thread::spawn(|| {
		let mut sleeper = Command::new("sleep");
		sleeper.arg("600");
		dies_with_parent(sleeper).spawn().expect("sleep starts")
	});
	let mut child = starter.join().expect("the starting thread ends");
	let mut status = None;
	wait_for("the child's end with the thread that started it", Duration::from_secs(10), || {
		status = child.try_wait().unwrap();
		status.is_some()
	});
	assert_eq!(status.and_then(|s| s.signal()), Some(9), "killed by SIGKILL");
}

#[test]
fn a_failing_test_keeps_the_nodes_log() {
	let mut log = PathBuf::new();
	let failed = catch_unwind(AssertUnwindSafe(|| {
		let node = Node::dev("kept");
		log = node.log_path().to_owned();
		panic!("a test fails with its node running");
	}));
	assert!(failed.is_err());
	let kept = std::fs::read_to_string(&log).expect("the log is kept after the failure");
	assert!(kept.contains("Running JSON-RPC server"), "{kept}");
	let dir = log.parent().expect("the log is in the node's directory");
	std::fs::remove_dir_all(dir).unwrap();
}
