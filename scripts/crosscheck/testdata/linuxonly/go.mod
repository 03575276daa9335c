module example.com/linuxonly

go 1.22
